# Varnish 7.1 in front of the IOM Albania site (docs/operations.md).
#
# - Public pages are cached for the s-maxage the origin sends and served
#   stale for the longer of its stale-while-revalidate and stale-if-error
#   while a fresh copy is fetched in the background; when the origin is down
#   the stale copy keeps being served.
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
    # Varnish takes the TTL from s-maxage and the grace from
    # stale-while-revalidate; stale-if-error makes the grace longer.
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"), beresp.grace);
    }
    if (bereq.url ~ "^/(admin|api|media)(/|\?|$)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # (Then the builtin VCL: a response that sets a cookie, or says private
    # or no-store, is not cached.)
}

sub vcl_deliver {
    unset resp.http.xkey;
    # For tests and operators: whether this answer came from the cache.
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
