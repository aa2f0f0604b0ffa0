{{- define "shipping-quotes.labels" -}}
app.kubernetes.io/name: shipping-quotes
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
backstage.io/kubernetes-id: shipping-quotes
{{- end }}

{{- define "shipping-quotes.selectorLabels" -}}
app.kubernetes.io/name: shipping-quotes
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
