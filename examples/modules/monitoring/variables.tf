variable "cluster_id" {
  description = "Uid of the cluster to add monitoring to (for example palette_cluster.prod.id)."
  type        = string
}

variable "prometheus_version" {
  description = "Version (tag) of the prometheus-operator pack."
  type        = string
  default     = "83.5.0"
}

variable "retention" {
  description = "How long Prometheus keeps metrics."
  type        = string
  default     = "15d"
}

variable "grafana_enabled" {
  description = "Whether to deploy Grafana alongside Prometheus."
  type        = bool
  default     = true
}

variable "extra_values" {
  description = "More prometheus-operator values (YAML), merged over the module's."
  type        = string
  default     = ""
}
