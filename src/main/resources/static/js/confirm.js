// Asks before a form that cannot be undone is sent: the form's data-confirm is the question (no inline handlers,
// which the Content-Security-Policy refuses).
document.addEventListener('submit', function (event) {
  const question = event.target.dataset && event.target.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
