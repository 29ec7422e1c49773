// Lesson plans kept on the phone (progressive enhancement: without JavaScript or a service
// worker nothing here shows, and the lesson pack ZIP stays the way to take a plan offline).
(function () {
    "use strict";
    var CACHE = "drom-offline";

    // Logging out: the kept plans go too (the logout response's Clear-Site-Data does the same
    // where the browser knows it).
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!form.matches("[data-logout]") || !window.caches) {
            return;
        }
        event.preventDefault();
        if (navigator.serviceWorker && navigator.serviceWorker.controller) {
            navigator.serviceWorker.controller.postMessage("logout");
        }
        caches.delete(CACHE).finally(function () {
            form.submit();
        });
    });

    var controls = document.querySelectorAll("[data-offline]");
    var badges = document.querySelectorAll("[data-offline-badge]");
    if (!("serviceWorker" in navigator) || !window.caches || !(controls.length || badges.length)) {
        return;
    }
    navigator.serviceWorker.register((controls[0] || badges[0]).dataset.worker, {scope: "/"});

    badges.forEach(function (badge) {
        caches.match(badge.dataset.offlineBadge, {ignoreVary: true}).then(function (kept) {
            badge.hidden = !kept;
        });
    });

    function files(control) {
        var urls = control.dataset.offlineFiles.split(" ").filter(Boolean);
        // What the page itself loads: its style sheets, scripts and pictures.
        document.querySelectorAll("link[rel=stylesheet], script[src], main img").forEach(function (node) {
            urls.push(node.href || node.currentSrc || node.src);
        });
        return urls;
    }

    function keep(control) {
        var page = control.dataset.offlinePage;
        var home = control.dataset.offlineHome;
        return caches.open(CACHE).then(function (cache) {
            function store(url, credentials) {
                return fetch(url, {credentials: credentials}).then(function (response) {
                    if (!response.ok) {
                        throw new Error(url);
                    }
                    // "My lesson plans" answers from where the header's link leads, too.
                    var copies = [cache.put(url, response.clone())];
                    if (response.url !== new URL(url, location.href).href) {
                        copies.push(cache.put(response.url, response.clone()));
                    }
                    return Promise.all(copies);
                });
            }
            // The plan as everyone sees it (no cookie: nothing personal in it); "My lesson
            // plans" with the session, so that it opens offline too (cleared on logout).
            var stored = [store(page, "omit"), store(home, "same-origin")];
            files(control).forEach(function (url) {
                stored.push(store(url, "same-origin"));
            });
            return Promise.all(stored);
        });
    }

    function drop(control) {
        return caches.open(CACHE).then(function (cache) {
            var urls = [control.dataset.offlinePage].concat(control.dataset.offlineFiles.split(" ").filter(Boolean));
            return Promise.all(urls.map(function (url) {
                return cache.delete(url, {ignoreVary: true});
            }));
        });
    }

    function show(control, kept, message) {
        control.querySelector("[data-offline-kept]").hidden = !kept;
        control.querySelector("[data-offline-keep]").hidden = kept;
        control.querySelector("[data-offline-drop]").hidden = !kept;
        control.querySelector("[data-offline-status]").textContent = message || "";
    }

    controls.forEach(function (control) {
        var keepButton = control.querySelector("[data-offline-keep]");
        var dropButton = control.querySelector("[data-offline-drop]");
        caches.match(control.dataset.offlinePage, {ignoreVary: true}).then(function (kept) {
            show(control, Boolean(kept));
            control.hidden = false;
        });
        keepButton.addEventListener("click", function () {
            keepButton.disabled = true;
            control.querySelector("[data-offline-status]").textContent = control.dataset.msgSaving;
            keep(control).then(function () {
                show(control, true, control.dataset.msgSaved);
            }, function () {
                drop(control);
                show(control, false, control.dataset.msgFailed);
            }).finally(function () {
                keepButton.disabled = false;
            });
        });
        dropButton.addEventListener("click", function () {
            drop(control).then(function () {
                show(control, false, control.dataset.msgDropped);
                keepButton.focus();
            });
        });
    });
}());
