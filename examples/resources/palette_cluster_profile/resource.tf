# The core layers of an AWS cluster: one pack per layer, in stack order.
resource "palette_cluster_profile" "base" {
  name        = "aws-base"
  version     = "1.0.0"
  description = "Ubuntu, Kubernetes, Calico and EBS for AWS clusters."
  tags        = { team = "platform" }
  type        = "infra"
  environment = "aws"

  pack {
    name          = "ubuntu-aws"
    tag           = "22.04"
    registry_name = "Public Repo"
  }
  pack {
    name = "kubernetes"
    tag  = "1.32.10"
    # Compared by meaning: reordering keys, requoting or adding comments plans no change.
    values = <<-EOT
      pack:
        podCIDR: "192.168.0.0/16"
      kubeadmconfig:
        apiServer:
          extraArgs:
            profiling: "false"
    EOT
  }
  pack {
    name = "cni-calico"
    tag  = "3.29.3"
  }
  pack {
    name = "csi-aws-ebs"
    tag  = "1.41.0"
  }
}

# Add-ons shared by every project of the tenant, for clusters on any environment: a pack from
# the registry and a raw Kubernetes manifest, with a profile variable the values can use.
resource "palette_cluster_profile" "addons" {
  name        = "shared-addons"
  context     = "tenant"
  type        = "add-on"
  environment = "all"

  pack {
    name   = "cert-manager"
    tag    = "1.20.3"
    values = <<-EOT
      charts:
        cert-manager:
          installCRDs: true
    EOT
  }
  pack {
    name = "welcome"
    type = "manifest"
    manifest {
      name    = "welcome"
      content = <<-EOT
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: welcome
        data:
          domain: "{{ .spectro.var.domain }}"
      EOT
    }
  }

  variable {
    name          = "domain"
    display_name  = "Domain"
    description   = "Domain the cluster serves."
    default_value = "example.com"
    required      = true
  }
  variable {
    name          = "tier"
    display_name  = "Tier"
    input_type    = "dropdown"
    default_value = "standard"
    option {
      value   = "standard"
      label   = "Standard"
      default = true
    }
    option {
      value       = "premium"
      label       = "Premium"
      description = "More replicas."
    }
  }
}
