//! Paging with `limit`, `offset` and `continue`.

mod support;

use std::collections::HashSet;

use base64::Engine;
use serde_json::{Value, json};
use support::Emu;

#[tokio::test]
async fn walking_continue_tokens_visits_every_item_once() {
    let emu = Emu::start().await;
    let all = emu.get("/v1/packs?limit=50").await;
    let total = all.body["listmeta"]["count"].as_u64().unwrap();
    assert!(total > 100, "the seed has many pack versions: {total}");

    let mut seen = HashSet::new();
    let mut token = String::new();
    let mut pages = 0;
    loop {
        let path = if token.is_empty() {
            "/v1/packs?limit=17".to_owned()
        } else {
            format!("/v1/packs?limit=17&continue={token}")
        };
        let page = emu.get(&path).await;
        assert_eq!(page.status, 200, "{}", page.text);
        let meta = &page.body["listmeta"];
        assert_eq!(meta["limit"], 17);
        assert_eq!(meta["count"].as_u64(), Some(total));
        for item in page.body["items"].as_array().unwrap() {
            assert!(
                seen.insert(item["metadata"]["uid"].as_str().unwrap().to_owned()),
                "no duplicates"
            );
        }
        pages += 1;
        token = meta["continue"].as_str().unwrap().to_owned();
        if token.is_empty() {
            break;
        }
        let decoded: Value = serde_json::from_slice(
            &base64::engine::general_purpose::STANDARD
                .decode(&token)
                .unwrap(),
        )
        .unwrap();
        assert_eq!(
            decoded["offset"], meta["offset"],
            "the token carries the next offset"
        );
    }
    assert_eq!(seen.len() as u64, total);
    assert_eq!(pages, total.div_ceil(17));

    let offset = emu.get("/v1/packs?limit=5&offset=5").await;
    assert_eq!(offset.body["items"][0], all.body["items"][5]);
    emu.stop().await;
}

#[tokio::test]
async fn limits_above_fifty_are_refused() {
    let emu = Emu::start().await;
    let reply = emu.get("/v1/packs?limit=51").await;
    assert_eq!(reply.status, 400);
    assert!(reply.body["message"].as_str().unwrap().contains("50"));
    let search = emu
        .post(
            "/v1/packs/search?limit=2",
            json!({"filter": {"layer": ["os"]}}),
        )
        .await;
    assert_eq!(search.body["items"].as_array().unwrap().len(), 2);
    assert_ne!(search.body["listmeta"]["continue"], "");
    emu.stop().await;
}
