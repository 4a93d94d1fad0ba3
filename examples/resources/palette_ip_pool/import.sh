# By the gateway's uid and the pool's uid or name.
terraform import palette_ip_pool.nodes 5f2b6c0e9d8a7b6c5d4e3f21/dc1-nodes
