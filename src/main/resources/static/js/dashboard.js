// Keeps the dashboard's status current without reloading: polls the member's state every few seconds.
(function () {
  const page = document.getElementById('dashboard');
  if (!page) {
    return;
  }
  const url = page.dataset.stateUrl;
  const card = document.getElementById('status-card');
  const progress = document.querySelector('[data-progress]');
  const link = document.querySelector('[data-archive-link]');
  const reconnect = document.querySelector('[data-reconnect]');
  const syncNow = document.getElementById('sync-now');

  function show(view) {
    document.querySelectorAll('[data-field]').forEach(function (element) {
      const value = view[element.dataset.field];
      element.textContent = value === null || value === undefined ? '' : value;
    });
    card.className = 'card status ' + view.state;
    progress.hidden = (view.state !== 'syncing' && view.state !== 'cooling_down') || !view.weekCount;
    progress.max = view.weekCount || 1;
    progress.value = view.weekIndex || 0;
    link.hidden = !view.hasArchive;
    reconnect.hidden = view.state !== 'needs_reconnect';
    syncNow.disabled = !view.syncNowAllowed;
  }

  function poll() {
    fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (view) { if (view) { show(view); } })
      .catch(function () { /* offline for a moment: the next poll catches up */ })
      .finally(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
