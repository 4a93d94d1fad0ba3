terraform {
  required_providers {
    palette = {
      source = "palette-rs/palette"
    }
  }
}

# Host, API key and project come from the environment (PALETTE_HOST, PALETTE_API_KEY and
# PALETTE_PROJECT), so the same configuration runs against palette-emulator and a real Palette.
provider "palette" {}
