// "Print" buttons (a file, not an inline handler, so the strict Content-Security-Policy holds).
document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) {
        window.print();
    }
});
