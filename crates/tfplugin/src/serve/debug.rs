//! Debug mode: the provider is started by a person (under a debugger, say) instead of by
//! Terraform, and Terraform attaches to it through `TF_REATTACH_PROVIDERS`.
//!
//! There is no cookie check and no TLS (Terraform does not use AutoMTLS for reattached
//! providers). `Test: true` in the reattach entry tells Terraform not to stop the process, so it
//! runs until Ctrl-C.

use serde_json::json;

/// The `TF_REATTACH_PROVIDERS` value for one provider served at `network`/`address`.
pub(crate) fn reattach_json(provider_address: &str, network: &str, address: &str) -> String {
    let entry = json!({
        "Protocol": "grpc",
        "ProtocolVersion": super::handshake::PROTOCOL_VERSION,
        "Pid": std::process::id(),
        "Test": true,
        "Addr": { "Network": network, "String": address },
    });
    let mut map = serde_json::Map::new();
    map.insert(provider_address.to_string(), entry);
    serde_json::Value::Object(map).to_string()
}

/// The message printed to stdout once the debug server listens.
pub(crate) fn banner(reattach: &str) -> String {
    format!(
        "Provider started in debug mode. To attach Terraform, run this in the shell where you \
         run terraform:\n\n\texport TF_REATTACH_PROVIDERS='{reattach}'\n\n\
         Press Ctrl-C to stop the provider.\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reattach_string_has_terraforms_shape() {
        let text = reattach_json("registry.terraform.io/acme/echo", "unix", "/tmp/plugin42");
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let entry = &value["registry.terraform.io/acme/echo"];
        assert_eq!(entry["Protocol"], "grpc");
        assert_eq!(entry["ProtocolVersion"], 6);
        assert_eq!(entry["Pid"], std::process::id());
        assert_eq!(entry["Test"], true);
        assert_eq!(entry["Addr"]["Network"], "unix");
        assert_eq!(entry["Addr"]["String"], "/tmp/plugin42");
    }

    #[test]
    fn banner_quotes_the_reattach_string() {
        let text = banner(r#"{"a":1}"#);
        assert!(
            text.contains(r#"TF_REATTACH_PROVIDERS='{"a":1}'"#),
            "{text}"
        );
    }
}
