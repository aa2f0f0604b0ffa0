{{- define "catalog-search.labels" -}}
app.kubernetes.io/name: catalog-search
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
backstage.io/kubernetes-id: catalog-search
{{- end }}

{{- define "catalog-search.selectorLabels" -}}
app.kubernetes.io/name: catalog-search
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
