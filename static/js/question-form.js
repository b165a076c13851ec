// The question form shows only the parts that apply to the chosen type of question.
// Without JavaScript every part shows, with its hint saying which types it is for.
(function () {
  "use strict";
  var form = document.querySelector("[data-question-form]");
  if (!form) {
    return;
  }
  function update() {
    var chosen = form.querySelector("input[name=kind]:checked");
    var kind = chosen ? chosen.value : "";
    var parts = form.querySelectorAll("[data-kinds]");
    for (var i = 0; i < parts.length; i++) {
      var kinds = parts[i].getAttribute("data-kinds").split(" ");
      parts[i].hidden = kind !== "" && kinds.indexOf(kind) === -1;
    }
  }
  form.addEventListener("change", update);
  update();
})();
