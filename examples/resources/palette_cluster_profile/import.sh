# A profile version is imported by NAME@VERSION, by NAME alone (its newest version) or by its
# uid; prefix the ID with tenant/ for a tenant profile.
terraform import palette_cluster_profile.base aws-base@1.0.0
terraform import palette_cluster_profile.addons tenant/shared-addons
