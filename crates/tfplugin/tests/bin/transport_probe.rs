//! A throwaway provider binary for the transport tests: it serves a provider with no resources
//! through `tfplugin::serve`, exactly as a real provider binary would.
//!
//! Only GetMetadata, GetProviderSchema, ValidateProviderConfig, ConfigureProvider and
//! StopProvider answer (enough for `terraform validate` to start, query and stop it); every other
//! RPC keeps the generated default, `Unimplemented`. ValidateProviderConfig answers a config over
//! 1 MiB with a warning of the same size, for the message size tests.
//!
//! `--debug` starts it in debug mode. `--stdout-noise` prints a line to stdout after the
//! handshake, as a careless provider might, to show that this does not disturb Terraform.

use tfplugin::proto::tfplugin6::{
    self, configure_provider, get_metadata, get_provider_schema, provider_server::Provider,
    stop_provider, validate_provider_config,
};
use tonic::{Request, Response, Status};

/// The provider address the probe announces in debug mode.
const ADDRESS: &str = "registry.terraform.io/tfplugin/probe";

struct Probe {
    stdout_noise: bool,
}

#[tonic::async_trait]
impl Provider for Probe {
    async fn get_metadata(
        &self,
        _request: Request<get_metadata::Request>,
    ) -> Result<Response<get_metadata::Response>, Status> {
        tracing::info!(tf_rpc = "GetMetadata", "answering");
        Ok(Response::new(get_metadata::Response::default()))
    }

    async fn get_provider_schema(
        &self,
        _request: Request<get_provider_schema::Request>,
    ) -> Result<Response<get_provider_schema::Response>, Status> {
        let span = tracing::info_span!("rpc", tf_rpc = "GetProviderSchema");
        let _entered = span.enter();
        tracing::debug!("probe schema requested");
        if self.stdout_noise {
            println!("noise on stdout after the handshake");
            tracing::debug!("printed noise to stdout");
        }
        let empty = tfplugin6::Schema {
            version: 0,
            block: Some(tfplugin6::schema::Block::default()),
        };
        Ok(Response::new(get_provider_schema::Response {
            provider: Some(empty),
            server_capabilities: Some(tfplugin6::ServerCapabilities {
                plan_destroy: true,
                ..Default::default()
            }),
            ..Default::default()
        }))
    }

    /// Answers a large config with a warning as large, to exercise the message size limits.
    async fn validate_provider_config(
        &self,
        request: Request<validate_provider_config::Request>,
    ) -> Result<Response<validate_provider_config::Response>, Status> {
        let size = request
            .into_inner()
            .config
            .map_or(0, |config| config.msgpack.len());
        let mut response = validate_provider_config::Response::default();
        if size > 1 << 20 {
            response.diagnostics.push(tfplugin6::Diagnostic {
                severity: tfplugin6::diagnostic::Severity::Warning as i32,
                summary: "Large Config".to_string(),
                detail: "x".repeat(size),
                attribute: None,
            });
        }
        Ok(Response::new(response))
    }

    async fn configure_provider(
        &self,
        _request: Request<configure_provider::Request>,
    ) -> Result<Response<configure_provider::Response>, Status> {
        Ok(Response::new(configure_provider::Response::default()))
    }

    async fn stop_provider(
        &self,
        _request: Request<stop_provider::Request>,
    ) -> Result<Response<stop_provider::Response>, Status> {
        Ok(Response::new(stop_provider::Response::default()))
    }
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let debug = args.iter().any(|a| a == "--debug");
    let stdout_noise = args.iter().any(|a| a == "--stdout-noise");
    if !debug {
        tfplugin::serve::exit_unless_launched_by_terraform();
    }
    tfplugin::logging::init();
    let opts = tfplugin::ServeOptions::new(ADDRESS).with_debug(debug);
    if let Err(err) = tfplugin::serve(opts, Probe { stdout_noise }).await {
        eprintln!("Error: {err}");
        std::process::exit(1);
    }
}
