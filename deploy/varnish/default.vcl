# Varnish 7.1 in front of the IOM Albania site (docs/operations.md).
#
# - Public pages are cached for the s-maxage the origin sends, then served
#   stale for its stale-while-revalidate while a fresh copy is fetched in the
#   background. Past that, a page is fetched anew before it is answered;
#   only when the origin fails (down, no answer, or a 5xx) is the stale copy
#   answered instead, for as long as its stale-if-error allows.
# - Every cached object is indexed by the keys of the origin's Surrogate-Key
#   header (lib/cache-tags.ts); `PURGE /` with an `xkey` header naming keys,
#   from the origin's own machine (lib/cdn/), drops every object carrying one.
# - Public requests lose their cookies: a public page is the same for every
#   reader, and a response that sets a cookie is never cached (builtin VCL).
# - The editor area, the API and uploaded files pass through, never cached.
vcl 4.1;

import std;
import xkey;

include "backend.vcl";

# Who may purge: the origin, on this machine. Add the origin's address when
# Varnish runs elsewhere.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # Set by this VCL only, on a restart (vcl_hit, origin_failed below).
    if (req.restarts == 0) {
        unset req.http.X-Refetch;
        unset req.http.X-Origin-Failed;
    }
    if (req.http.X-Refetch) {
        # No stale copy for this lookup: the fetch happens before the answer.
        set req.grace = 0s;
    } elsif (req.http.X-Origin-Failed) {
        # That fetch failed: any grace the copy has (a restart keeps the
        # 0s above, and req.grace cannot be unset).
        set req.grace = 3650d;
    }

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey) {
            return (synth(400, "xkey header required"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey);
        return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
    }

    # The editor area (with its session), the API (the language switch sets
    # a cookie, uploads, health) and uploaded files: straight to the origin.
    if (req.url ~ "^/(admin|api|media)(/|\?|$)") {
        return (pass);
    }

    # The home page's first visit follows a language cookie or the browser's
    # languages (proxy.ts): those requests go to the origin, uncached.
    if (req.url ~ "^/(\?|$)" && (req.http.Cookie ~ "(^|;\s*)NEXT_LOCALE=" || req.http.Accept-Language ~ "(?i)(^|[^a-z])sq([^a-z]|$)")) {
        return (pass);
    }

    # Every other address is public and the same for everyone.
    unset req.http.Cookie;
    unset req.http.Authorization;
    # (Then the builtin VCL: only GET and HEAD are looked up.)
}

sub vcl_backend_response {
    # Index the object by its cache tags.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    if (bereq.url ~ "^/(admin|api|media)(/|\?|$)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # An error of the origin never replaces a copy that may still be answered
    # (the client of a refetch then gets the stale copy: origin_failed).
    if (beresp.status >= 500 && (bereq.is_bgfetch || bereq.http.X-Refetch)) {
        return (abandon);
    }
    # Varnish takes the TTL from s-maxage and the grace from
    # stale-while-revalidate. The object is kept for the longer
    # stale-if-error too, remembering its stale-while-revalidate: vcl_hit
    # answers it past that only when the origin fails.
    set beresp.http.X-Revalidate-Grace = beresp.grace;
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"), 0s);
        if (beresp.grace < std.duration(beresp.http.X-Revalidate-Grace + "s", 0s)) {
            set beresp.grace = std.duration(beresp.http.X-Revalidate-Grace + "s", 0s);
        }
    }
    # (Then the builtin VCL: a response that sets a cookie, or says private
    # or no-store, is not cached.)
}

sub vcl_backend_error {
    # No answer from the origin: the same (Varnish's own 503 is not kept).
    if (bereq.is_bgfetch || bereq.http.X-Refetch) {
        return (abandon);
    }
}

sub vcl_hit {
    # Stale past its stale-while-revalidate, with the origin up: fetch anew
    # (a restart whose lookup allows no grace) rather than answer it.
    if (obj.ttl + std.duration(obj.http.X-Revalidate-Grace + "s", 0s) < 0s && !req.http.X-Origin-Failed && std.healthy(req.backend_hint)) {
        set req.http.X-Refetch = "1";
        return (restart);
    }
}

# That fetch failed (the origin did not answer, or answered with a 5xx):
# look again, answering the stale copy if stale-if-error still allows it.
sub origin_failed {
    if (req.http.X-Refetch && resp.status >= 500) {
        unset req.http.X-Refetch;
        set req.http.X-Origin-Failed = "1";
        return (restart);
    }
}

sub vcl_synth {
    call origin_failed;
}

sub vcl_deliver {
    call origin_failed;
    unset resp.http.xkey;
    unset resp.http.X-Revalidate-Grace;
    # For tests and operators: whether this answer came from the cache.
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
