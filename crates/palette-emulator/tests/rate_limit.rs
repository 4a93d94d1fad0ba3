//! The documented rate limits: on by default, switchable off.

mod support;

use palette_emulator::Config;
use serde_json::json;
use support::Emu;

#[tokio::test]
async fn bursts_past_the_limit_get_429_until_switched_off() {
    let emu = Emu::with(Config {
        rate_limit: true,
        ..Config::for_tests()
    })
    .await;
    let mut statuses = Vec::new();
    for _ in 0..80 {
        statuses.push(emu.get("/v1/registries/metadata").await.status);
    }
    let limited = statuses.iter().filter(|s| **s == 429).count();
    assert!(limited >= 20, "{limited} of 80 were limited");
    assert!(
        statuses[..40].iter().all(|s| *s == 200),
        "the burst is allowed"
    );
    let reply = emu.get("/v1/registries/metadata").await;
    assert_eq!(reply.body["code"], "TooManyRequests");
    // Another prefix has its own bucket.
    assert_eq!(emu.get("/v1/packs?limit=1").await.status, 200);

    let stats = emu.get("/__emulator/stats").await;
    assert!(stats.body["throttled_total"].as_u64().unwrap() >= 20);
    let off = emu
        .put("/__emulator/settings", json!({"rate_limit": false}))
        .await;
    assert_eq!(off.status, 200, "{}", off.text);
    for _ in 0..80 {
        assert_eq!(emu.get("/v1/registries/metadata").await.status, 200);
    }
    // The faults endpoint switches them too, without counting as a fault.
    assert_eq!(
        emu.put("/__emulator/faults", json!({"rate_limit": true}))
            .await
            .status,
        200
    );
    let limited = burst_limited(&emu).await;
    assert!(limited >= 20, "{limited} limited after switching back on");
    emu.put("/__emulator/faults", json!({"rate_limit": false}))
        .await;
    assert_eq!(burst_limited(&emu).await, 0);
    emu.stop().await;
}

async fn burst_limited(emu: &Emu) -> usize {
    let mut limited = 0;
    for _ in 0..80 {
        if emu.get("/v1/registries/metadata").await.status == 429 {
            limited += 1;
        }
    }
    limited
}
