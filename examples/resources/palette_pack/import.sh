# A pack deployed with palette_pack is imported by the cluster's uid and the pack's name. The
# cluster may be the project's or the tenant's: `context` is read from the cluster.
terraform import palette_pack.monitoring 5f2b6c0e9d8a7b6c5d4e3f21/prometheus-operator
