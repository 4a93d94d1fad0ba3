# An SSH key for the nodes of the project's clusters. `public_key` is the line of a `.pub` file,
# as `file("~/.ssh/id_ed25519.pub")` reads it: its trailing newline makes no difference.
resource "palette_ssh_key" "ops" {
  name       = "ops"
  public_key = <<-EOT
    ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMKJSdz1evm8ReB4WIn1PgCfWLPNiBMF7lJSIDqmyhxq ops@example.com
  EOT
}

# A key every project sees.
resource "palette_ssh_key" "shared" {
  name       = "shared-ci"
  context    = "tenant"
  public_key = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBFxU92JuBdXSKzr6NByTWLGaB+EfxypOfQqNuEVehvQElT4DGGuUv89MIRQ/i+KxP/VpPOLikSK1wJm9/evt/eU= ci"
}
