{{- define "search-indexer.labels" -}}
app.kubernetes.io/name: search-indexer
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
backstage.io/kubernetes-id: search-indexer
{{- end }}

{{- define "search-indexer.selectorLabels" -}}
app.kubernetes.io/name: search-indexer
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
