{{/* The release's name for its objects, at most 63 characters as Kubernetes names allow. */}}
{{- define "trust.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "trust.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "trust.labels" -}}
{{ include "trust.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "trust.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{/*
The database settings both the service and the migration job read (README, "Configuration").
The runtime role's name is needed by the migrations too: they grant it its rights.
*/}}
{{- define "trust.databaseEnv" -}}
- name: TRUST_DB_URL
  value: {{ .Values.database.url | quote }}
- name: TRUST_DB_RUNTIME_USER
  value: {{ .Values.database.runtimeUser | quote }}
- name: TRUST_DB_RUNTIME_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.runtimePasswordKey }}
{{- end -}}

{{- define "trust.ownerEnv" -}}
- name: TRUST_DB_OWNER_USER
  value: {{ .Values.database.ownerUser | quote }}
- name: TRUST_DB_OWNER_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.ownerPasswordKey }}
{{- with .Values.migrations.url }}
- name: TRUST_DB_MIGRATIONS_URL
  value: {{ . | quote }}
{{- end }}
{{- end -}}

{{/* Pods and containers run as an unprivileged user on a read-only file system. */}}
{{- define "trust.podSecurity" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "trust.containerSecurity" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end -}}
