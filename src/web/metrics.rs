//! Request metrics in the Prometheus text format: counts by route and status, a latency
//! histogram by route, and database pool use. Held per app instance (no global recorder),
//! so several apps in one process (tests) keep separate figures.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 11] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5];

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    total: u64,
    sum: f64,
}

#[derive(Default)]
struct Inner {
    requests: BTreeMap<(String, String, u16), u64>,
    latency: BTreeMap<(String, String), Histogram>,
}

#[derive(Default)]
pub struct Metrics {
    inner: Mutex<Inner>,
}

impl Metrics {
    pub fn record(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let Ok(mut m) = self.inner.lock() else { return };
        *m.requests.entry((method.to_string(), route.to_string(), status)).or_default() += 1;
        let h = m.latency.entry((method.to_string(), route.to_string())).or_default();
        for (i, bound) in BUCKETS.iter().enumerate() {
            if seconds <= *bound {
                h.counts[i] += 1;
            }
        }
        h.total += 1;
        h.sum += seconds;
    }

    /// The exposition text; pool figures are read by the caller at scrape time.
    pub fn render(&self, pool_size: u32, pool_idle: usize, pool_max: u32) -> String {
        let mut out = String::new();
        let Ok(m) = self.inner.lock() else { return out };
        out.push_str("# HELP wta_http_requests_total HTTP requests by method, route and status.\n");
        out.push_str("# TYPE wta_http_requests_total counter\n");
        for ((method, route, status), n) in &m.requests {
            let _ = writeln!(
                out,
                "wta_http_requests_total{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {n}",
                escape(route)
            );
        }
        out.push_str("# HELP wta_http_request_duration_seconds Time to answer a request.\n");
        out.push_str("# TYPE wta_http_request_duration_seconds histogram\n");
        for ((method, route), h) in &m.latency {
            let labels = format!("method=\"{method}\",route=\"{}\"", escape(route));
            for (i, bound) in BUCKETS.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "wta_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {}",
                    h.counts[i]
                );
            }
            let _ = writeln!(out, "wta_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}", h.total);
            let _ = writeln!(out, "wta_http_request_duration_seconds_sum{{{labels}}} {}", h.sum);
            let _ = writeln!(out, "wta_http_request_duration_seconds_count{{{labels}}} {}", h.total);
        }
        out.push_str("# HELP wta_db_pool_connections Database connections open, idle and allowed.\n");
        out.push_str("# TYPE wta_db_pool_connections gauge\n");
        let _ = writeln!(out, "wta_db_pool_connections{{state=\"open\"}} {pool_size}");
        let _ = writeln!(out, "wta_db_pool_connections{{state=\"idle\"}} {pool_idle}");
        let _ = writeln!(out, "wta_db_pool_connections{{state=\"max\"}} {pool_max}");
        out
    }
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_buckets() {
        let m = Metrics::default();
        m.record("GET", "/", 200, 0.003);
        m.record("GET", "/", 200, 0.2);
        m.record("GET", "/", 404, 0.001);
        let text = m.render(3, 2, 10);
        assert!(text.contains("wta_http_requests_total{method=\"GET\",route=\"/\",status=\"200\"} 2"), "{text}");
        assert!(text.contains("wta_http_requests_total{method=\"GET\",route=\"/\",status=\"404\"} 1"));
        assert!(text.contains("wta_http_request_duration_seconds_bucket{method=\"GET\",route=\"/\",le=\"0.005\"} 2"));
        assert!(text.contains("wta_http_request_duration_seconds_count{method=\"GET\",route=\"/\"} 3"));
        assert!(text.contains("wta_db_pool_connections{state=\"idle\"} 2"));
    }
}
