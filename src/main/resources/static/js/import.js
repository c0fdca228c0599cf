// The import page: sends the upload with a progress bar (exports are GBs), then follows the import's state.
(function () {
  const page = document.getElementById('import');
  if (!page) {
    return;
  }
  const form = document.getElementById('import-form');
  const button = document.getElementById('import-upload');
  const bar = document.getElementById('upload-progress');
  const note = document.getElementById('upload-note');
  const card = document.getElementById('import-card');

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', function (progress) {
      if (progress.lengthComputable) {
        bar.hidden = false;
        bar.max = progress.total;
        bar.value = progress.loaded;
        note.textContent = 'Uploading: ' + Math.floor(100 * progress.loaded / progress.total) + ' %';
      }
    });
    // however it ends (a refusal may close the connection before the upload is sent), the page says how
    request.addEventListener('loadend', function () { window.location.assign(window.location.pathname); });
    button.disabled = true;
    request.send(new FormData(form));
  });

  function show(view) {
    document.querySelectorAll('[data-field]').forEach(function (element) {
      const value = view[element.dataset.field];
      element.textContent = value === null || value === undefined ? '-' : value;
    });
    card.className = 'card status ' + view.state;
    button.disabled = view.underWay;
    return view.underWay;
  }

  function poll() {
    fetch(page.dataset.stateUrl, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (view) { return view === null || show(view); })
      .catch(function () { return true; })
      .then(function (again) { if (again) { setTimeout(poll, 2000); } });
  }
  setTimeout(poll, 1000);
})();
