# An SSH key is imported by name or by uid; prefix `tenant/` for a tenant key (without it the
# project is searched, and a tenant key imported by uid still lands in the tenant context).
terraform import palette_ssh_key.ops ops
terraform import palette_ssh_key.shared tenant/shared-ci
terraform import palette_ssh_key.ops 5f3a8c2e9b1d4e7f6a0c2b4d
