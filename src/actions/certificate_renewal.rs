//! `palette_cluster_certificate_renewal`: renews the Kubernetes certificates of a cluster's
//! control-plane nodes now (`PATCH .../k8certificates/renew`), the official provider's
//! `renew_k8s_certificates_now` as an action. It says first when the certificates expire, then
//! follows the renewal node by node (`GET .../k8certificates`) until every node's certificates
//! expire later than before.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use palette_api::models::MachineCertificates;
use tfplugin::action::{InvokeRequest, InvokeResponse};
use tfplugin::async_trait;
use tfplugin::resource::{ValidateConfigRequest, ValidateConfigResponse};
use tfplugin::{Action, AttributePath, Block, Context, Schema, ValueExt};

use crate::diagnostics;
use crate::provider_data::PaletteData;
use crate::wait;

const SUMMARY: &str = "Certificate Renewal Error";
const DEFAULT_TIMEOUT: &str = "30m";

pub(super) struct CertificateRenewal;

/// Each node's earliest certificate expiry: `node -> (expiry, certificate)`. Palette writes
/// times in UTC, so the seconds-precision prefix of the text orders them.
fn earliest(certificates: &MachineCertificates) -> BTreeMap<String, (String, String)> {
    let mut out = BTreeMap::new();
    for machine in certificates.machine_certificates.iter().flatten() {
        let node = machine.name.clone().unwrap_or_default();
        let leaves = machine
            .certificate_authorities
            .iter()
            .flatten()
            .flat_map(|ca| ca.certificates.iter().flatten());
        let first = leaves
            .filter_map(|c| Some((c.expiry.clone()?, c.name.clone().unwrap_or_default())))
            .min_by(|a, b| instant(&a.0).cmp(instant(&b.0)));
        if let Some(first) = first {
            out.insert(node, first);
        }
    }
    out
}

/// The part of an RFC 3339 UTC time that orders it (`2027-03-01T10:00:00`).
fn instant(text: &str) -> &str {
    text.get(..19).unwrap_or(text)
}

#[async_trait]
impl Action for CertificateRenewal {
    fn type_name(&self) -> &str {
        "cluster_certificate_renewal"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .description(
                    "Renews the Kubernetes certificates of a cluster's control-plane nodes now \
                     (the official provider's `renew_k8s_certificates_now`). It reports when the \
                     certificates expire, asks Palette to renew them, and follows the renewal \
                     node by node until each node's certificates expire later than before. Not \
                     for EKS, AKS, GKE or TKE, whose clouds run the control plane.",
                )
                .attribute(super::cluster_id_attribute())
                .attribute(super::context_attribute())
                .attribute(super::timeout_attribute(
                    DEFAULT_TIMEOUT,
                    "every control-plane node's certificates to be renewed",
                )),
        )
    }

    async fn validate_config(
        &self,
        _ctx: &Context,
        req: ValidateConfigRequest,
        resp: &mut ValidateConfigResponse,
    ) {
        super::check_cluster_id(&req.config, &mut resp.diagnostics);
        super::check_timeout(&req.config, &mut resp.diagnostics);
    }

    async fn invoke(&self, ctx: &Context, req: InvokeRequest, resp: &mut InvokeResponse) {
        let config = &req.config;
        let uid = config.get_str("cluster_id").unwrap_or_default().to_string();
        let context = config.get_str("context").unwrap_or("project");
        let timeout = super::timeout_of(config, DEFAULT_TIMEOUT);
        let (data, scope) = match PaletteData::connect(&req.provider_data, context, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let failing = format!("reading the certificates of cluster {uid}");
        let read = |what: &'static str| {
            super::call(
                ctx,
                data.client.get_cluster_certificates(&scope, &uid),
                SUMMARY,
                &failing,
                what,
            )
        };
        let before = match read("reading the certificates").await {
            Ok(certificates) => earliest(&certificates),
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let Some((node, (expiry, certificate))) = before
            .iter()
            .min_by(|a, b| instant(&a.1.0).cmp(instant(&b.1.0)))
        else {
            return resp.diagnostics.attribute_error(
                AttributePath::root("cluster_id"),
                "No Control-Plane Certificates",
                format!(
                    "Cluster {uid} reports no running control-plane node with Kubernetes \
                     certificates, so nothing was renewed: on EKS, AKS, GKE and TKE the cloud runs \
                     the control plane and renews its certificates, and a cluster still being \
                     made has none yet."
                ),
            );
        };
        resp.progress(format!(
            "cluster {uid}: {} control-plane node(s); the first certificate to expire is {certificate} \
             on {node}, at {expiry}",
            before.len()
        ));
        if let Err(diag) = super::call(
            ctx,
            data.client.renew_cluster_certificates(&scope, &uid),
            SUMMARY,
            &format!("asking for the renewal of cluster {uid}'s certificates"),
            "asking for the renewal",
        )
        .await
        {
            return resp.diagnostics.push(diag);
        }
        resp.progress("renewal asked: Palette renews the nodes one after another".to_string());
        let started = Instant::now();
        let mut pending: BTreeMap<String, String> = before
            .iter()
            .map(|(node, (expiry, _))| (node.clone(), expiry.clone()))
            .collect();
        let mut interval = wait::MIN_INTERVAL;
        let mut heartbeat = Instant::now();
        loop {
            let now = match read("waiting for the renewal").await {
                Ok(certificates) => earliest(&certificates),
                Err(diag) => return resp.diagnostics.push(diag),
            };
            let mut moved = false;
            pending.retain(|node, old| match now.get(node) {
                Some((new, _)) if instant(new) > instant(old) => {
                    resp.progress(format!(
                        "{node} renewed: its certificates now expire at {new}"
                    ));
                    moved = true;
                    false
                }
                Some(_) => true,
                None => {
                    resp.progress(format!(
                        "{node} is no longer a control-plane node (replaced): its successor has \
                         new certificates"
                    ));
                    moved = true;
                    false
                }
            });
            if pending.is_empty() {
                resp.progress(format!(
                    "renewed the certificates of {} control-plane node(s) in {}",
                    before.len(),
                    super::short(started.elapsed())
                ));
                return;
            }
            if started.elapsed() >= timeout {
                resp.diagnostics.error(
                    "Certificate Renewal Timed Out",
                    format!(
                        "After {}, the certificates of {} on cluster {uid} were not renewed yet. \
                         The renewal keeps running in Palette; raise `timeout` to wait longer.",
                        super::short(started.elapsed()),
                        pending.keys().cloned().collect::<Vec<_>>().join(", ")
                    ),
                );
                return;
            }
            if heartbeat.elapsed() >= Duration::from_secs(30) {
                heartbeat = Instant::now();
                resp.progress(format!(
                    "still renewing after {}: {} node(s) left",
                    super::short(started.elapsed()),
                    pending.len()
                ));
            }
            interval = wait::next_interval(interval, moved);
            if ctx.sleep(interval).await.is_err() {
                return resp.diagnostics.push(diagnostics::interrupted(
                    SUMMARY,
                    "waiting for the certificate renewal",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{object, refused_at};
    use super::*;
    use palette_api::models::{Certificate, CertificateAuthority, MachineCertificate};
    use tfplugin::Value;

    #[tokio::test]
    async fn an_empty_cluster_id_and_a_bad_timeout_are_refused_at_their_paths() {
        let config = |id: &str, timeout: &str| {
            object(&[
                ("cluster_id", Value::from(id.to_string())),
                ("timeout", Value::from(timeout.to_string())),
            ])
        };
        assert!(
            refused_at(&CertificateRenewal, config("c1", "10m"))
                .await
                .is_empty()
        );
        assert_eq!(
            refused_at(&CertificateRenewal, config(" ", "0s")).await,
            ["cluster_id", "timeout"]
        );
    }

    #[test]
    fn each_node_is_judged_by_its_first_certificate_to_expire() {
        let cert = |name: &str, expiry: &str| Certificate {
            name: Some(name.into()),
            expiry: Some(expiry.into()),
        };
        let certificates = MachineCertificates {
            machine_certificates: Some(vec![MachineCertificate {
                name: Some("cp-1".into()),
                certificate_authorities: Some(vec![CertificateAuthority {
                    name: Some("ca".into()),
                    expiry: Some("2036-01-01T00:00:00Z".into()),
                    certificates: Some(vec![
                        cert("apiserver", "2027-05-01T00:00:00Z"),
                        cert("admin.conf", "2027-04-01T00:00:00.000Z"),
                    ]),
                }]),
            }]),
        };
        assert_eq!(
            earliest(&certificates)["cp-1"],
            (
                "2027-04-01T00:00:00.000Z".to_string(),
                "admin.conf".to_string()
            )
        );
    }
}
