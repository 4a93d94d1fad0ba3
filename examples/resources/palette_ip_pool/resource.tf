data "palette_private_cloud_gateway" "vsphere" {
  name = "pcg-dc1"
}

# Fifty static addresses for the nodes of the data centre's clusters.
resource "palette_ip_pool" "nodes" {
  private_cloud_gateway_id = data.palette_private_cloud_gateway.vsphere.id
  name                     = "dc1-nodes"
  network_type             = "range"
  ip_start_range           = "10.10.1.10"
  ip_end_range             = "10.10.1.59"
  prefix                   = 24
  gateway                  = "10.10.1.1"
  nameserver_addresses     = ["10.10.0.53"]
  nameserver_search_suffix = ["dc1.example.com"]
}
