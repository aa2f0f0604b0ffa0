{{- define "recommendations.labels" -}}
app.kubernetes.io/name: recommendations
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
backstage.io/kubernetes-id: recommendations
{{- end }}

{{- define "recommendations.selectorLabels" -}}
app.kubernetes.io/name: recommendations
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
