# A cluster is imported by uid or by name; prefix `tenant/` for a tenant-scoped cluster, as in
# `tenant/shared-edge` (without it the project is searched, and a tenant cluster it sees still
# lands in the tenant context).
terraform import palette_cluster.prod 5f3a8c2e9b1d4e7f6a0c2b4d
terraform import palette_cluster.prod prod-east
