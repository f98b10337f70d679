// Narrows a target picker's checkboxes to those matching the typed words (checked ones stay).
// A static file, not inline script, so the Content-Security-Policy can refuse inline script.
document.querySelectorAll(".target-filter").forEach(function (box) {
  box.addEventListener("input", function () {
    var words = box.value.toLowerCase().trim();
    var root = document.querySelector('.target-groups[data-name="' + box.dataset.for + '"]');
    root.querySelectorAll(".target-option").forEach(function (option) {
      option.hidden = words !== "" && option.textContent.toLowerCase().indexOf(words) === -1 && !option.querySelector("input").checked;
    });
    root.querySelectorAll(".target-group").forEach(function (group) {
      group.hidden = !group.querySelector(".target-option:not([hidden])");
    });
  });
});
