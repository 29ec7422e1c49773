// Drom's service worker: opens the lesson plans a teacher chose to keep on her phone when there
// is no network. It keeps nothing by itself (static/js/offline.js puts a plan in the cache when
// asked) and always tries the network first, so online pages are never stale.
"use strict";
var CACHE = "drom-offline";

self.addEventListener("install", function () {
    self.skipWaiting();
});
self.addEventListener("activate", function (event) {
    event.waitUntil(self.clients.claim());
});

function fromCache(request) {
    return caches.match(request, {ignoreVary: true, ignoreSearch: request.mode === "navigate"}).then(function (kept) {
        if (!kept) {
            return Response.error();
        }
        // A response that followed a redirect may not answer a navigation: copy it plainly.
        return kept.redirected ? kept.blob().then(function (body) {
            return new Response(body, {status: kept.status, headers: kept.headers});
        }) : kept;
    });
}

self.addEventListener("fetch", function (event) {
    var request = event.request;
    var url = new URL(request.url);
    if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.indexOf("/admin/") === 0) {
        return;
    }
    event.respondWith(fetch(request).catch(function () {
        return fromCache(request);
    }));
});

// Logging out (offline.js) or the logout response's Clear-Site-Data: nothing stays behind.
self.addEventListener("message", function (event) {
    if (event.data === "logout") {
        event.waitUntil(caches.delete(CACHE));
    }
});
