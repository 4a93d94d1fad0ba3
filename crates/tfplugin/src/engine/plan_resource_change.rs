//! Planning a change of a managed resource: creation, update or destruction.
//!
//! Steps, in order, for a creation or an update (Terraform has already merged the configuration
//! with the prior state into the proposed new state), after write-only attributes are nulled:
//! 1. defaults: an attribute with a default that the configuration leaves null is planned as
//!    the default;
//! 2. if the plan now differs from the prior state (always on creation), every computed
//!    attribute that the configuration leaves null becomes unknown, since the provider may set it;
//! 3. attribute and nested-block plan modifiers run, parents before children, collecting the
//!    paths that force replacement;
//! 4. the resource's own [`Resource::modify_plan`] hook runs;
//! 5. write-only attributes are nulled again, whatever the hook did.
//!
//! A destruction (proposed state null) only gives the resource's hook a chance to report.

use crate::identity::IdentitySchema;
use crate::plan_modifier::{self, PlanModifierRequest};
use crate::provider::ProviderData;
use crate::resource::{
    ClientCapabilities, Deferred, ModifyPlanRequest, ModifyPlanResponse, PrivateState, Resource,
};
use crate::schema::{Attribute, NestedBlock};
use crate::{AttributePath, Context, Diagnostics, Schema, Value};

use super::{Level, Site, Visitor, null_write_only, walk};

/// The native request of a plan.
#[derive(Clone, Debug)]
pub(crate) struct PlanRequest {
    /// The prior state; null on creation.
    pub(crate) prior_state: Value,
    /// Terraform's proposed new state; null on destruction.
    pub(crate) proposed_new_state: Value,
    /// The configuration; null on destruction.
    pub(crate) config: Value,
    /// The prior private data.
    pub(crate) prior_private: PrivateState,
    /// The provider's configured data.
    pub(crate) provider_data: ProviderData,
    /// What the client supports.
    pub(crate) client_capabilities: ClientCapabilities,
    /// The identity stored with the prior state (on a replacement's second plan, where the
    /// prior state is null, the identity of the object being replaced); null when there is none.
    pub(crate) prior_identity: Value,
}

/// The native result of a plan.
#[derive(Clone, Debug)]
pub(crate) struct PlanResult {
    /// The planned state.
    pub(crate) planned_state: Value,
    /// Paths whose change forces replacement.
    pub(crate) requires_replace: Vec<AttributePath>,
    /// The private data to carry to apply.
    pub(crate) planned_private: PrivateState,
    /// Problems found.
    pub(crate) diagnostics: Diagnostics,
    /// A deferral, when the resource asked for one.
    pub(crate) deferred: Option<Deferred>,
    /// The planned identity: `None` without an identity or on destruction; attributes may be
    /// unknown on creation.
    pub(crate) planned_identity: Option<Value>,
}

/// Plans the change of one resource instance.
///
/// The planned identity starts as the prior identity on update and with every attribute null
/// on creation (a new object gets a new identity, even when it replaces one); on update it must
/// stay the prior identity and be known. On creation it is planned only when the hook set it
/// completely (Terraform cannot show an identity with unknown values in a plan).
pub(crate) async fn plan_resource_change(
    ctx: &Context,
    resource: &dyn Resource,
    schema: &Schema,
    identity: Option<&IdentitySchema>,
    req: PlanRequest,
) -> PlanResult {
    let mut diagnostics = Diagnostics::new();
    let destroying = req.proposed_new_state.is_null();
    let creating = req.prior_state.is_null();
    let start_identity = match identity {
        _ if destroying => Value::Null,
        Some(id) if creating => id.null_value(),
        _ => super::identity::start(identity, &req.prior_identity),
    };
    let mut planned = req.proposed_new_state.clone();
    let mut requires_replace = Vec::new();

    if !destroying {
        plan_attributes(
            schema,
            &req.config,
            &req.prior_state,
            &mut planned,
            &mut requires_replace,
            &mut diagnostics,
        );
    }
    if diagnostics.has_errors() {
        return PlanResult {
            planned_state: planned,
            requires_replace,
            planned_private: req.prior_private,
            diagnostics,
            deferred: None,
            planned_identity: None,
        };
    }

    let prior_identity = req.prior_identity;
    let mut resp = ModifyPlanResponse {
        plan: planned.clone(),
        requires_replace: Vec::new(),
        private: req.prior_private.clone(),
        diagnostics: Diagnostics::new(),
        deferred: None,
        identity: start_identity,
    };
    resource
        .modify_plan(
            ctx,
            ModifyPlanRequest {
                config: req.config,
                state: req.prior_state,
                plan: planned,
                private: req.prior_private,
                provider_data: req.provider_data,
                client_capabilities: req.client_capabilities,
            },
            &mut resp,
        )
        .await;
    diagnostics.extend(resp.diagnostics);
    for path in resp.requires_replace {
        if !requires_replace.contains(&path) {
            requires_replace.push(path);
        }
    }
    let mut planned_state = resp.plan;
    if destroying {
        // A destruction plan is always null, whatever the hook did.
        planned_state = Value::Null;
    } else {
        null_write_only(&schema.block, &mut planned_state);
    }
    let deferred = deferral(resp.deferred, req.client_capabilities, &mut diagnostics);
    let planned_identity = if destroying {
        None
    } else if creating {
        super::identity::finish(identity, resp.identity, false, &mut diagnostics)
            .filter(Value::is_fully_known)
    } else {
        let planned = super::identity::finish(identity, resp.identity, true, &mut diagnostics);
        super::identity::unchanged(&prior_identity, planned, &mut diagnostics)
    };
    PlanResult {
        planned_state,
        requires_replace,
        planned_private: resp.private,
        diagnostics,
        deferred,
        planned_identity,
    }
}

/// Keeps a deferral only when the client accepts it; otherwise reports the provider's mistake.
pub(crate) fn deferral(
    deferred: Option<Deferred>,
    caps: ClientCapabilities,
    diags: &mut Diagnostics,
) -> Option<Deferred> {
    if deferred.is_some() && !caps.deferral_allowed {
        diags.error(
            "Invalid Deferred Response",
            "The provider asked to defer this change, but Terraform did not allow deferrals for \
             this run. This is a bug in the provider, which should be reported in the provider's \
             own issue tracker.",
        );
        return None;
    }
    deferred
}

/// Steps 1–3 of the plan, on the values alone (no resource hook): defaults, computed unknowns
/// and plan modifiers. `planned` starts as the proposed new state.
pub(crate) fn plan_attributes(
    schema: &Schema,
    config: &Value,
    prior_state: &Value,
    planned: &mut Value,
    requires_replace: &mut Vec<AttributePath>,
    diagnostics: &mut Diagnostics,
) {
    let level = Level::of_block(&schema.block);
    let root = AttributePath::default();
    // Write-only values never reach a plan, so they must not count as a change either.
    null_write_only(&schema.block, planned);
    walk(level, &root, config, prior_state, planned, &mut Defaults);
    if *planned != *prior_state {
        walk(
            level,
            &root,
            config,
            prior_state,
            planned,
            &mut ComputedUnknown,
        );
    }
    let proposed = planned.clone();
    let mut modifiers = Modifiers {
        config,
        state: prior_state,
        plan: &proposed,
        requires_replace,
        diagnostics,
    };
    walk(level, &root, config, prior_state, planned, &mut modifiers);
}

/// Step 1: defaults for attributes the configuration leaves null.
struct Defaults;

impl Visitor for Defaults {
    fn attribute(&mut self, attr: &Attribute, site: &Site<'_>, value: &mut Value) {
        if let Some(default) = &attr.default
            && site.config.is_null()
        {
            *value = default.clone();
        }
    }
}

/// Step 2: computed attributes left null by the configuration become unknown.
struct ComputedUnknown;

impl Visitor for ComputedUnknown {
    fn attribute(&mut self, attr: &Attribute, site: &Site<'_>, value: &mut Value) {
        if attr.computed && attr.default.is_none() && site.config.is_null() && !attr.write_only {
            *value = Value::unknown();
        }
    }
}

/// Step 3: attribute and block plan modifiers.
struct Modifiers<'a> {
    config: &'a Value,
    state: &'a Value,
    plan: &'a Value,
    requires_replace: &'a mut Vec<AttributePath>,
    diagnostics: &'a mut Diagnostics,
}

impl Modifiers<'_> {
    fn run(
        &mut self,
        modifiers: &[std::sync::Arc<dyn crate::plan_modifier::PlanModifier>],
        site: &Site<'_>,
        value: &mut Value,
    ) {
        if modifiers.is_empty() {
            return;
        }
        let path = site.path;
        let req = PlanModifierRequest {
            path,
            config_value: site.config,
            state_value: site.state,
            plan_value: value,
            config: self.config,
            state: self.state,
            plan: self.plan,
            parent_state: site.parent_state,
        };
        let out = plan_modifier::run_all(modifiers, &req, self.diagnostics);
        *value = out.plan_value;
        if out.requires_replace && !self.requires_replace.contains(path) {
            self.requires_replace.push(path.clone());
        }
    }
}

impl Visitor for Modifiers<'_> {
    fn attribute(&mut self, attr: &Attribute, site: &Site<'_>, value: &mut Value) {
        self.run(&attr.plan_modifiers, site, value);
    }

    fn block(&mut self, block: &NestedBlock, site: &Site<'_>, value: &mut Value) {
        self.run(&block.plan_modifiers, site, value);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::engine::test_support::obj;
    use crate::plan_modifier::{requires_replace, use_state_for_unknown};
    use crate::resource::{
        CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, ReadRequest, ReadResponse,
        UpdateRequest, UpdateResponse,
    };
    use crate::schema::{Attribute, Block, NestedBlock, Nesting};

    fn schema() -> Schema {
        Schema::new(
            0,
            Block::new()
                .attribute(
                    Attribute::string("id")
                        .computed()
                        .plan_modifier(use_state_for_unknown()),
                )
                .attribute(Attribute::string("name").required())
                .attribute(
                    Attribute::string("zone")
                        .optional()
                        .plan_modifier(requires_replace()),
                )
                .attribute(Attribute::string("revision").computed())
                .attribute(Attribute::int64("size").optional().computed().default(3i64))
                .attribute(Attribute::string("secret").optional().write_only())
                .attribute(Attribute::nested(
                    "settings",
                    Nesting::Single,
                    vec![
                        Attribute::string("mode").optional(),
                        Attribute::string("effective").computed(),
                    ],
                ))
                .block(NestedBlock::new(
                    "rule",
                    Nesting::List,
                    Block::new()
                        .attribute(Attribute::string("port").required())
                        .attribute(Attribute::string("uid").computed()),
                )),
        )
    }

    /// A configuration (all attributes present, as Terraform sends them).
    fn config(name: &str, zone: Value, size: Value, secret: Value, rules: Vec<&str>) -> Value {
        obj([
            ("id", Value::Null),
            ("name", Value::from(name)),
            ("zone", zone),
            ("revision", Value::Null),
            ("size", size),
            ("secret", secret),
            (
                "settings",
                obj([("mode", Value::from("fast")), ("effective", Value::Null)]),
            ),
            (
                "rule",
                Value::List(
                    rules
                        .into_iter()
                        .map(|p| obj([("port", Value::from(p)), ("uid", Value::Null)]))
                        .collect(),
                ),
            ),
        ])
    }

    /// A stored state after a create of `config` (every computed value known).
    fn state_of(config: &Value) -> Value {
        let mut s = config.clone();
        let Value::Object(m) = &mut s else {
            unreachable!()
        };
        m.insert("id".into(), Value::from("id-1"));
        m.insert("revision".into(), Value::from("r1"));
        m.insert("secret".into(), Value::Null);
        if m["size"].is_null() {
            m.insert("size".into(), Value::from(3i64));
        }
        m.insert(
            "settings".into(),
            obj([
                ("mode", Value::from("fast")),
                ("effective", Value::from("fast")),
            ]),
        );
        if let Some(Value::List(rules)) = m.get_mut("rule") {
            for (i, r) in rules.iter_mut().enumerate() {
                if let Value::Object(r) = r {
                    r.insert("uid".into(), Value::from(format!("u{i}")));
                }
            }
        }
        s
    }

    /// What Terraform proposes: config values, prior state for computed attributes left null.
    fn proposed(config: &Value, prior: &Value) -> Value {
        let mut p = config.clone();
        if let (Value::Object(p), Value::Object(prior)) = (&mut p, prior) {
            for key in ["id", "revision"] {
                p.insert(key.into(), prior[key].clone());
            }
            if config.get("size").is_some_and(Value::is_null) {
                p.insert("size".into(), prior["size"].clone());
            }
            // Nested computed attributes also come from the prior state.
            if let (Some(Value::Object(settings)), Some(prior_settings)) =
                (p.get_mut("settings"), prior.get("settings"))
            {
                settings.insert(
                    "effective".into(),
                    prior_settings
                        .get("effective")
                        .cloned()
                        .unwrap_or(Value::Null),
                );
            }
            if let (Some(Value::List(rules)), Some(Value::List(prior_rules))) =
                (p.get_mut("rule"), prior.get("rule"))
            {
                for (rule, prior_rule) in rules.iter_mut().zip(prior_rules) {
                    if let Value::Object(rule) = rule {
                        rule.insert(
                            "uid".into(),
                            prior_rule.get("uid").cloned().unwrap_or(Value::Null),
                        );
                    }
                }
            }
        }
        p
    }

    fn at<'v>(v: &'v Value, path: &AttributePath) -> &'v Value {
        v.at(path).unwrap_or_else(|| panic!("no value at {path}"))
    }

    #[test]
    fn planning() {
        let s = schema();
        let base = config("a", Value::from("z1"), Value::Null, Value::Null, vec!["80"]);
        let stored = state_of(&base);
        struct Case {
            config: Value,
            prior: Value,
            /// (path, expected planned value)
            expect: Vec<(AttributePath, Value)>,
            requires_replace: Vec<AttributePath>,
        }
        let p = AttributePath::root;
        let cases: BTreeMap<&str, Case> = BTreeMap::from([
            (
                "computed unknown on create",
                Case {
                    config: base.clone(),
                    prior: Value::Null,
                    expect: vec![
                        (p("id"), Value::unknown()),
                        (p("revision"), Value::unknown()),
                        (p("name"), Value::from("a")),
                    ],
                    requires_replace: vec![],
                },
            ),
            (
                "default on create",
                Case {
                    config: base.clone(),
                    prior: Value::Null,
                    expect: vec![(p("size"), Value::from(3i64))],
                    requires_replace: vec![],
                },
            ),
            (
                "configured value beats default",
                Case {
                    config: config(
                        "a",
                        Value::from("z1"),
                        Value::from(7i64),
                        Value::Null,
                        vec!["80"],
                    ),
                    prior: Value::Null,
                    expect: vec![(p("size"), Value::from(7i64))],
                    requires_replace: vec![],
                },
            ),
            (
                "no change plans the prior state",
                Case {
                    config: base.clone(),
                    prior: stored.clone(),
                    expect: vec![
                        (p("id"), Value::from("id-1")),
                        (p("revision"), Value::from("r1")),
                        (p("rule").index(0).attr("uid"), Value::from("u0")),
                    ],
                    requires_replace: vec![],
                },
            ),
            (
                "use_state_for_unknown keeps id on update, other computed unknown",
                Case {
                    config: config("b", Value::from("z1"), Value::Null, Value::Null, vec!["80"]),
                    prior: stored.clone(),
                    expect: vec![
                        (p("id"), Value::from("id-1")),
                        (p("revision"), Value::unknown()),
                        (p("name"), Value::from("b")),
                    ],
                    requires_replace: vec![],
                },
            ),
            (
                "requires_replace on change",
                Case {
                    config: config("a", Value::from("z2"), Value::Null, Value::Null, vec!["80"]),
                    prior: stored.clone(),
                    expect: vec![(p("zone"), Value::from("z2"))],
                    requires_replace: vec![p("zone")],
                },
            ),
            (
                "removed default reverts to the default",
                Case {
                    config: base.clone(),
                    prior: state_of(&config(
                        "a",
                        Value::from("z1"),
                        Value::from(9i64),
                        Value::Null,
                        vec!["80"],
                    )),
                    expect: vec![(p("size"), Value::from(3i64))],
                    requires_replace: vec![],
                },
            ),
            (
                "nested blocks and nested attributes get computed unknowns",
                Case {
                    config: config(
                        "a",
                        Value::from("z1"),
                        Value::Null,
                        Value::Null,
                        vec!["80", "443"],
                    ),
                    prior: Value::Null,
                    expect: vec![
                        (p("rule").index(0).attr("uid"), Value::unknown()),
                        (p("rule").index(1).attr("uid"), Value::unknown()),
                        (p("rule").index(1).attr("port"), Value::from("443")),
                        (p("settings").attr("effective"), Value::unknown()),
                        (p("settings").attr("mode"), Value::from("fast")),
                    ],
                    requires_replace: vec![],
                },
            ),
            (
                "write-only is nulled and is no change",
                Case {
                    config: config(
                        "a",
                        Value::from("z1"),
                        Value::Null,
                        Value::from("hunter2"),
                        vec!["80"],
                    ),
                    prior: stored.clone(),
                    expect: vec![
                        (p("secret"), Value::Null),
                        (p("revision"), Value::from("r1")),
                    ],
                    requires_replace: vec![],
                },
            ),
            (
                "write-only is nulled on create",
                Case {
                    config: config(
                        "a",
                        Value::from("z1"),
                        Value::Null,
                        Value::from("hunter2"),
                        vec!["80"],
                    ),
                    prior: Value::Null,
                    expect: vec![(p("secret"), Value::Null)],
                    requires_replace: vec![],
                },
            ),
        ]);
        for (name, case) in cases {
            let mut planned = proposed(&case.config, &case.prior);
            let mut rr = Vec::new();
            let mut diags = Diagnostics::new();
            plan_attributes(
                &s,
                &case.config,
                &case.prior,
                &mut planned,
                &mut rr,
                &mut diags,
            );
            assert!(diags.is_empty(), "{name}: {diags:?}");
            for (path, want) in &case.expect {
                assert_eq!(at(&planned, path), want, "{name}: {path}");
            }
            assert_eq!(rr, case.requires_replace, "{name}");
            if name == "no change plans the prior state" {
                assert_eq!(planned, case.prior, "{name}: the whole plan");
            }
        }
    }

    #[test]
    fn set_elements_pair_with_their_prior_state_by_value() {
        let schema = Schema::new(
            0,
            Block::new().block(NestedBlock::new(
                "member",
                Nesting::Set,
                Block::new()
                    .attribute(Attribute::string("name").required())
                    .attribute(
                        Attribute::string("role")
                            .optional()
                            .plan_modifier(requires_replace()),
                    )
                    .attribute(
                        Attribute::string("uid")
                            .computed()
                            .plan_modifier(use_state_for_unknown()),
                    ),
            )),
        );
        let member = |name: &str, role: &str, uid: Value| {
            // An empty role stands for none.
            let role = if role.is_empty() {
                Value::Null
            } else {
                Value::from(role)
            };
            obj([("name", Value::from(name)), ("role", role), ("uid", uid)])
        };
        let prior = obj([(
            "member",
            Value::Set(vec![
                member("a", "r", Value::from("u-a")),
                member("b", "r", Value::from("u-b")),
            ]),
        )]);
        // The configuration lists the members in another order and adds one (without a role:
        // with no key, a changed role would pair with nothing and so read as a new member).
        let config = obj([(
            "member",
            Value::Set(vec![
                member("c", "", Value::Null),
                member("b", "r", Value::Null),
                member("a", "r", Value::Null),
            ]),
        )]);
        // Terraform proposes the prior uid where it can pair the elements itself.
        let mut planned = obj([(
            "member",
            Value::Set(vec![
                member("c", "", Value::Null),
                member("b", "r", Value::from("u-b")),
                member("a", "r", Value::from("u-a")),
            ]),
        )]);
        let mut rr = Vec::new();
        let mut diags = Diagnostics::new();
        plan_attributes(&schema, &config, &prior, &mut planned, &mut rr, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert!(rr.is_empty(), "no role changed: {rr:?}");
        let members = planned.get("member").and_then(Value::as_elements).unwrap();
        let uid_of = |name: &str| {
            members
                .iter()
                .find(|m| m.get("name") == Some(&Value::from(name)))
                .and_then(|m| m.get("uid"))
                .cloned()
        };
        assert_eq!(
            uid_of("a"),
            Some(Value::from("u-a")),
            "kept by use_state_for_unknown"
        );
        assert_eq!(uid_of("b"), Some(Value::from("u-b")));
        assert_eq!(
            uid_of("c"),
            Some(Value::unknown()),
            "the new member is unknown"
        );
    }

    /// A list block keyed by `name`: elements pair with their prior state by name, so adding,
    /// removing and reordering elements force nothing, while a changed value of an element
    /// that was there before does.
    #[test]
    fn keyed_list_elements_pair_with_their_prior_state_by_key() {
        let schema = Schema::new(
            0,
            Block::new().block(
                NestedBlock::new(
                    "pool",
                    Nesting::List,
                    Block::new()
                        .attribute(Attribute::string("name").required())
                        .attribute(
                            Attribute::bool("primary")
                                .optional()
                                .default(false)
                                .plan_modifier(requires_replace()),
                        )
                        .attribute(
                            Attribute::string("uid")
                                .computed()
                                .plan_modifier(use_state_for_unknown()),
                        ),
                )
                .key("name"),
            ),
        );
        let pool = |name: Value, primary: bool, uid: Value| {
            obj([
                ("name", name),
                ("primary", Value::from(primary)),
                ("uid", uid),
            ])
        };
        let prior = obj([(
            "pool",
            Value::List(vec![
                pool(Value::from("cp"), true, Value::from("u-cp")),
                pool(Value::from("workers"), false, Value::from("u-w")),
            ]),
        )]);
        let plan = |pools: Vec<Value>| {
            let config = obj([("pool", Value::List(pools.clone()))]);
            let mut planned = config.clone();
            let mut rr = Vec::new();
            let mut diags = Diagnostics::new();
            plan_attributes(&schema, &config, &prior, &mut planned, &mut rr, &mut diags);
            assert!(diags.is_empty(), "{diags:?}");
            (planned, rr)
        };
        let uids = |planned: &Value| -> Vec<Value> {
            planned
                .get("pool")
                .and_then(Value::as_elements)
                .unwrap()
                .iter()
                .map(|p| p.get("uid").cloned().unwrap())
                .collect()
        };
        let p = |name: &str, primary: bool| pool(Value::from(name), primary, Value::Null);

        // Reordered, with a new element in front: nothing is replaced, the prior elements keep
        // their uids wherever they now stand, and the new one's is unknown.
        let (planned, rr) = plan(vec![p("extra", false), p("workers", false), p("cp", true)]);
        assert!(
            rr.is_empty(),
            "adding and reordering replace nothing: {rr:?}"
        );
        assert_eq!(
            uids(&planned),
            [Value::unknown(), Value::from("u-w"), Value::from("u-cp")]
        );

        // A new element that sets the attribute to a non-default value forces nothing either.
        let (_, rr) = plan(vec![p("cp", true), p("workers", false), p("more", true)]);
        assert!(rr.is_empty(), "a new element is not a change: {rr:?}");

        // An element removed: nothing to replace.
        let (_, rr) = plan(vec![p("cp", true)]);
        assert!(rr.is_empty(), "{rr:?}");

        // A prior element whose attribute changes forces replacement at its new position.
        let (_, rr) = plan(vec![p("workers", true), p("cp", true)]);
        assert_eq!(
            rr,
            [AttributePath::root("pool").index(0).attr("primary")],
            "the same-named element changed"
        );

        // An element whose key is unknown pairs with nothing: it is new until the key is known.
        let (planned, rr) = plan(vec![
            p("cp", true),
            pool(Value::unknown(), true, Value::Null),
        ]);
        assert!(rr.is_empty(), "{rr:?}");
        assert_eq!(uids(&planned)[1], Value::unknown());
    }

    /// A resource whose modify_plan forces replacement of `name` and records a private key.
    struct Hooked;

    #[async_trait::async_trait]
    impl Resource for Hooked {
        fn type_name(&self) -> &str {
            "hooked"
        }
        fn schema(&self) -> Schema {
            schema()
        }
        async fn create(&self, _: &Context, _: CreateRequest, _: &mut CreateResponse) {}
        async fn read(&self, _: &Context, _: ReadRequest, _: &mut ReadResponse) {}
        async fn update(&self, _: &Context, _: UpdateRequest, _: &mut UpdateResponse) {}
        async fn delete(&self, _: &Context, _: DeleteRequest, _: &mut DeleteResponse) {}
        async fn modify_plan(
            &self,
            _: &Context,
            req: ModifyPlanRequest,
            resp: &mut ModifyPlanResponse,
        ) {
            if req.plan.is_null() {
                resp.diagnostics.warning("Destroying", "");
                return;
            }
            resp.requires_replace.push(AttributePath::root("name"));
            resp.private.set("planned", serde_json::json!(true));
        }
    }

    fn request(prior: Value, proposed: Value, config: Value) -> PlanRequest {
        PlanRequest {
            prior_state: prior,
            proposed_new_state: proposed,
            config,
            prior_private: PrivateState::new(),
            provider_data: ProviderData::default(),
            client_capabilities: ClientCapabilities::default(),
            prior_identity: Value::Null,
        }
    }

    #[tokio::test]
    async fn resource_hook_adds_replacement_and_private_data() {
        let s = schema();
        let base = config("a", Value::from("z1"), Value::Null, Value::Null, vec!["80"]);
        let stored = state_of(&base);
        let changed = config("b", Value::from("z2"), Value::Null, Value::Null, vec!["80"]);
        let req = request(stored.clone(), proposed(&changed, &stored), changed);
        let out = plan_resource_change(&Context::new(), &Hooked, &s, None, req).await;
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        assert_eq!(
            out.requires_replace,
            vec![AttributePath::root("zone"), AttributePath::root("name")]
        );
        assert_eq!(
            out.planned_private.get("planned"),
            Some(&serde_json::json!(true))
        );
    }

    #[tokio::test]
    async fn destroy_plan_is_null_and_hook_still_runs() {
        let s = schema();
        let stored = state_of(&config(
            "a",
            Value::from("z1"),
            Value::Null,
            Value::Null,
            vec![],
        ));
        let out = plan_resource_change(
            &Context::new(),
            &Hooked,
            &s,
            None,
            request(stored, Value::Null, Value::Null),
        )
        .await;
        assert_eq!(out.planned_state, Value::Null);
        assert!(out.requires_replace.is_empty());
        assert_eq!(out.diagnostics.len(), 1, "the hook's warning");
    }

    #[tokio::test]
    async fn deferral_without_client_support_is_an_error() {
        let mut diags = Diagnostics::new();
        let kept = deferral(
            Some(Deferred {
                reason: crate::resource::DeferredReason::AbsentPrerequisite,
            }),
            ClientCapabilities::default(),
            &mut diags,
        );
        assert!(kept.is_none());
        assert!(diags.has_errors());
    }
}
