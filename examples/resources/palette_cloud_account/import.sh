# An account is imported by its kind (its block) and its name or uid, with `tenant/` in front for
# a tenant account. Palette never returns secrets, so after an import the next plan shows one
# in-place update when the configuration sets a `_wo_version`: it sends the secret again.
terraform import palette_cloud_account.aws aws/team-aws
