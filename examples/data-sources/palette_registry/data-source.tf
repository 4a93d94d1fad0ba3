# The registry that Palette's public packs come from.
data "palette_registry" "public" {
  name = "Public Repo"
}

output "public_registry_id" {
  value = data.palette_registry.public.id
}
