// The quiz with JavaScript on: a countdown to the time limit, answers saved as the teacher
// answers them, and the quiz's own rule applied when the time is up. Without JavaScript the
// page turns and the "Save" button save the answers; the server applies the rule either way.
(function () {
    "use strict";
    var form = document.querySelector("form.quiz[data-save-url]");
    if (!form) {
        return;
    }
    var saveUrl = form.getAttribute("data-save-url");
    var timer = form.querySelector(".quiz__timer");
    var questions = form.querySelector(".quiz__questions");
    var lang = document.documentElement.lang || "bg";
    var words = lang === "en"
        ? {left: "Time left: ", up: "The time is up.", saved: "Answers saved."}
        : {left: "Оставащо време: ", up: "Времето изтече.", saved: "Отговорите са запазени."};

    function save() {
        var data = new FormData(form);
        data.delete("go");
        return fetch(saveUrl, {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: {"X-Requested-With": "fetch"}
        }).catch(function () { return null; });
    }

    form.addEventListener("change", function () { save(); });

    if (!timer || !form.hasAttribute("data-seconds-left")) {
        return;
    }
    var deadline = Date.now() + parseInt(form.getAttribute("data-seconds-left"), 10) * 1000;
    var overdue = form.getAttribute("data-overdue");
    timer.hidden = false;

    function two(n) { return (n < 10 ? "0" : "") + n; }

    function tick() {
        var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
        timer.textContent = words.left + Math.floor(left / 60) + ":" + two(left % 60);
        // Announce only the last minute, once, to screen readers.
        timer.setAttribute("aria-live", left <= 60 && left > 55 ? "polite" : "off");
        if (left > 0) {
            window.setTimeout(tick, 1000);
            return;
        }
        timer.textContent = words.up;
        if (overdue === "grace") {
            // Saved answers can still be submitted, not changed.
            save().then(function () { questions.disabled = true; });
            return;
        }
        // Submit now with what is on the page; the server grades what it may.
        save().then(function () { form.submit(); });
    }
    tick();
})();
