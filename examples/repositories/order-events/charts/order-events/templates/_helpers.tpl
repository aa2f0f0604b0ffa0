{{- define "order-events.labels" -}}
app.kubernetes.io/name: order-events
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
backstage.io/kubernetes-id: order-events
{{- end }}

{{- define "order-events.selectorLabels" -}}
app.kubernetes.io/name: order-events
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
