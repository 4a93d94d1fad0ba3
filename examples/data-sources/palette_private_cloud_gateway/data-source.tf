# The gateway that links Palette to the vSphere data centre, for its cloud account and IP pools.
data "palette_private_cloud_gateway" "dc1" {
  name = "pcg-dc1"
}

output "gateway_ready" {
  value = data.palette_private_cloud_gateway.dc1.ready
}
