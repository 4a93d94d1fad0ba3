# A registry is imported by its name or its uid. Palette never returns the password, so after the
# import password_wo_version is null: with the configuration above, the next plan shows one
# in-place update (password_wo_version null -> 1) that sends the configured password again.
terraform import palette_registry.charts team-charts
terraform import palette_registry.ecr 5f2b6c0e9d8a7b6c5d4e3f21
