{{- define "feature-flags.labels" -}}
app.kubernetes.io/name: feature-flags
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
backstage.io/kubernetes-id: feature-flags
{{- end }}

{{- define "feature-flags.selectorLabels" -}}
app.kubernetes.io/name: feature-flags
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
