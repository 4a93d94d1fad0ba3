# List the project's vSphere accounts. Their secrets are write-only, so configuration generated
# for them needs the secrets (and a `_wo_version`) added before it plans.
list "palette_cloud_account" "vsphere" {
  provider = palette

  config {
    kind = "vsphere"
  }
}
