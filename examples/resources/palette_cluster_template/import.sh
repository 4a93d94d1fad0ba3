# A cluster template is imported by its uid; prefix `tenant/` for a tenant template.
terraform import palette_cluster_template.fleet 5f3a8c2e9b1d4e7f6a0c2b4d
