//! Listing the objects of a managed resource type (`terraform query`), pulling results from the
//! handler one at a time and no more than the limit.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::Poll;

use tokio::sync::mpsc;

use crate::identity::is_absent;
use crate::list::{ListRequest, ListResource, ListResult, ListResults};
use crate::{Context, Diagnostics, Schema, Value};

use super::{ensure_known, null_object, null_write_only};

/// One event of the stream Terraform reads, before encoding.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ListEvent {
    /// The object's identity; `None` for an event carrying only diagnostics.
    pub(crate) identity: Option<Value>,
    /// A name for people.
    pub(crate) display_name: String,
    /// The resource object, when asked for and given.
    pub(crate) resource: Option<Value>,
    /// Problems found.
    pub(crate) diagnostics: Diagnostics,
}

impl ListEvent {
    fn diagnostics(diagnostics: Diagnostics) -> Self {
        ListEvent {
            identity: None,
            display_name: String::new(),
            resource: None,
            diagnostics,
        }
    }
}

/// Runs `handler` and sends its results to `out`, at most `req.limit` of them (an event with
/// only diagnostics does not count). The handler's future is polled only while another result
/// is wanted: once the limit is reached, or `out` is closed (Terraform stopped reading), or a
/// result carried an error, it is dropped without being resumed. Problems the handler left in
/// [`ListResults::diagnostics`] are sent last, if it finished.
pub(crate) async fn list_resource(
    ctx: &Context,
    handler: &dyn ListResource,
    resource_schema: &Schema,
    req: ListRequest,
    out: mpsc::Sender<ListEvent>,
) {
    let limit = req.limit;
    if limit <= 0 {
        return;
    }
    let include = req.include_resource;
    let mut req = req;
    if req.config.is_null() {
        req.config = null_object(&handler.schema().block);
    }
    let slot = Arc::new(Mutex::new(None::<ListResult>));
    let mut results = ListResults::new(Arc::clone(&slot));
    let mut finished = false;
    {
        let mut listing: Pin<Box<dyn Future<Output = ()> + Send + '_>> =
            handler.list(ctx, req, &mut results);
        let mut delivered = 0;
        while delivered < limit {
            let next = std::future::poll_fn(|cx| {
                if !finished && listing.as_mut().poll(cx).is_ready() {
                    finished = true;
                }
                let item = slot.lock().unwrap_or_else(PoisonError::into_inner).take();
                match item {
                    Some(item) => Poll::Ready(Some(item)),
                    None if finished => Poll::Ready(None),
                    None => Poll::Pending,
                }
            })
            .await;
            let Some(item) = next else { break };
            let event = checked(item, include, resource_schema);
            let counts = event.identity.is_some();
            let failed = event.diagnostics.has_errors();
            if out.send(event).await.is_err() || failed {
                return;
            }
            if counts {
                delivered += 1;
            }
        }
    }
    if finished && !results.diagnostics.is_empty() {
        let _ = out.send(ListEvent::diagnostics(results.diagnostics)).await;
    }
}

/// The event for one result: the identity must be given and known; the resource object is
/// dropped unless asked for, and must otherwise be storable.
fn checked(result: ListResult, include: bool, resource_schema: &Schema) -> ListEvent {
    let mut diagnostics = result.diagnostics;
    let mut identity = result.identity;
    let identity = if is_absent(&identity) {
        if !diagnostics.has_errors()
            && result.display_name.is_empty()
            && is_absent(&result.resource)
        {
            // Only diagnostics: a warning, say.
            return ListEvent::diagnostics(diagnostics);
        }
        diagnostics.error(
            "Missing List Result Identity",
            format!(
                "The provider listed {:?} without an identity; every listed object needs one. \
                 This is a bug in the provider, which should be reported in the provider's own \
                 issue tracker.",
                result.display_name
            ),
        );
        None
    } else {
        ensure_known(
            &mut identity,
            "identity of a listed object",
            &mut diagnostics,
        );
        Some(identity)
    };
    let resource = match result.resource {
        mut v if include && !v.is_null() => {
            null_write_only(&resource_schema.block, &mut v);
            ensure_known(&mut v, "listed resource object", &mut diagnostics);
            Some(v)
        }
        _ => None,
    };
    ListEvent {
        identity,
        display_name: result.display_name,
        resource,
        diagnostics,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use async_trait::async_trait;

    use super::*;
    use crate::ValueExt;
    use crate::engine::test_support::obj;
    use crate::provider::ProviderData;
    use crate::{Attribute, Block};

    /// Lists `total` objects `o0`, `o1`, … fetched in pages of `page` objects, counting the
    /// pages it fetched; `o3` carries a warning, and `fail_at` makes that page fail.
    struct Paged {
        total: usize,
        page: usize,
        fetched: AtomicUsize,
        fail_at: Option<usize>,
    }

    impl Paged {
        fn new(total: usize, page: usize) -> Self {
            Paged {
                total,
                page,
                fetched: AtomicUsize::new(0),
                fail_at: None,
            }
        }

        async fn fetch(&self, page: usize) -> Result<Vec<usize>, String> {
            tokio::task::yield_now().await;
            self.fetched.fetch_add(1, Ordering::SeqCst);
            if self.fail_at == Some(page) {
                return Err(format!("page {page} is unavailable"));
            }
            let start = page * self.page;
            Ok((start..(start + self.page).min(self.total)).collect())
        }
    }

    fn resource_schema() -> Schema {
        Schema::new(
            0,
            Block::new()
                .attribute(Attribute::string("id").computed())
                .attribute(Attribute::string("secret").optional().write_only()),
        )
    }

    #[async_trait]
    impl ListResource for Paged {
        fn type_name(&self) -> &str {
            "paged"
        }
        fn schema(&self) -> Schema {
            Schema::new(
                0,
                Block::new().attribute(Attribute::string("prefix").optional()),
            )
        }
        async fn list(&self, _: &Context, req: ListRequest, results: &mut ListResults) {
            assert!(
                req.config.get("prefix").is_some(),
                "a null config becomes an object"
            );
            for page in 0.. {
                let ids = match self.fetch(page).await {
                    Ok(ids) if ids.is_empty() => return,
                    Ok(ids) => ids,
                    Err(e) => return results.diagnostics.error("Listing Failed", e),
                };
                for n in ids {
                    let name = format!("o{n}");
                    let mut result =
                        ListResult::new(obj([("id", Value::from(name.clone()))]), &name);
                    if n == 3 {
                        result.diagnostics.warning("Odd Object", "");
                    }
                    let mut object = obj([("id", Value::from(name))]);
                    object.set("secret", "never listed");
                    results.send(result.with_resource(object)).await;
                }
            }
        }
    }

    async fn run(handler: &Paged, limit: i64, include: bool) -> Vec<ListEvent> {
        let (tx, mut rx) = mpsc::channel(1);
        let req = ListRequest {
            config: Value::Null,
            include_resource: include,
            limit,
            provider_data: ProviderData::default(),
        };
        let ctx = Context::new();
        let schema = resource_schema();
        let listing = list_resource(&ctx, handler, &schema, req, tx);
        let collect = async {
            let mut events = Vec::new();
            while let Some(e) = rx.recv().await {
                events.push(e);
            }
            events
        };
        let ((), events) = tokio::join!(listing, collect);
        events
    }

    fn names(events: &[ListEvent]) -> Vec<&str> {
        events.iter().map(|e| e.display_name.as_str()).collect()
    }

    #[tokio::test]
    async fn the_limit_stops_pulling_so_later_pages_are_never_fetched() {
        // 10 objects in pages of 3: a limit of 3 needs only the first page, and the handler is
        // not resumed after the third result (it would otherwise fetch page 2).
        let handler = Paged::new(10, 3);
        let events = run(&handler, 3, false).await;
        assert_eq!(names(&events), ["o0", "o1", "o2"]);
        assert_eq!(handler.fetched.load(Ordering::SeqCst), 1);

        let handler = Paged::new(10, 3);
        let events = run(&handler, 5, false).await;
        assert_eq!(names(&events), ["o0", "o1", "o2", "o3", "o4"]);
        assert_eq!(handler.fetched.load(Ordering::SeqCst), 2);
        assert_eq!(
            events[3].diagnostics.len(),
            1,
            "o3's warning travels with it"
        );

        let handler = Paged::new(10, 3);
        assert!(run(&handler, 0, false).await.is_empty());
        assert_eq!(
            handler.fetched.load(Ordering::SeqCst),
            0,
            "limit 0 lists nothing"
        );

        // Without a binding limit, every page is fetched, plus the empty one that ends it.
        let handler = Paged::new(10, 3);
        assert_eq!(run(&handler, 100, false).await.len(), 10);
        assert_eq!(handler.fetched.load(Ordering::SeqCst), 5);
    }

    #[tokio::test]
    async fn resource_objects_only_when_asked_for_and_without_write_only_values() {
        let handler = Paged::new(2, 5);
        let events = run(&handler, 10, false).await;
        assert!(events.iter().all(|e| e.resource.is_none()));
        assert_eq!(events[0].identity, Some(obj([("id", Value::from("o0"))])));

        let events = run(&handler, 10, true).await;
        let object = events[1].resource.as_ref().unwrap();
        assert_eq!(object.get_str("id"), Some("o1"));
        assert_eq!(object.get("secret"), Some(&Value::Null));
    }

    #[tokio::test]
    async fn a_failure_is_sent_last() {
        let mut handler = Paged::new(10, 2);
        handler.fail_at = Some(1);
        let events = run(&handler, 100, false).await;
        assert_eq!(names(&events), ["o0", "o1", ""]);
        assert_eq!(events[2].identity, None);
        assert!(events[2].diagnostics.has_errors());
    }

    #[tokio::test]
    async fn a_closed_stream_stops_the_handler() {
        let handler = Paged::new(10, 1);
        let (tx, rx) = mpsc::channel(1);
        drop(rx);
        let req = ListRequest {
            config: Value::Null,
            include_resource: false,
            limit: 100,
            provider_data: ProviderData::default(),
        };
        list_resource(&Context::new(), &handler, &resource_schema(), req, tx).await;
        assert_eq!(handler.fetched.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn results_without_identity_are_errors_unless_only_diagnostics() {
        let schema = resource_schema();
        let mut warning = ListResult::new(Value::Null, "");
        warning.diagnostics.warning("Heads Up", "");
        let event = checked(warning, false, &schema);
        assert_eq!(event.identity, None);
        assert!(!event.diagnostics.has_errors());

        let event = checked(ListResult::new(Value::Null, "nameless"), false, &schema);
        assert_eq!(
            event.diagnostics.iter().next().unwrap().summary,
            "Missing List Result Identity"
        );
        let unknown = obj([("id", Value::unknown())]);
        let event = checked(ListResult::new(unknown, "x"), false, &schema);
        assert!(event.diagnostics.has_errors());
    }
}
