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
    // the answer is the page again, with what became of the upload: shown in place (a new load would not have it)
    request.addEventListener('load', function () {
      const answer = new DOMParser().parseFromString(request.responseText, 'text/html');
      const notice = answer.getElementById('notice');
      const shown = document.getElementById('notice');
      if (notice && shown) {
        shown.replaceWith(document.importNode(notice, true));
      } else if (notice) {
        page.prepend(document.importNode(notice, true));
      }
      bar.hidden = true;
      note.textContent = '';
      poll();
    });
    // a refusal may close the connection before the upload is sent: the import's state says why
    request.addEventListener('error', function () { window.location.assign(window.location.pathname); });
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

  let next = null;
  function poll() {
    clearTimeout(next);
    fetch(page.dataset.stateUrl, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (view) { return view === null || show(view); })
      .catch(function () { return true; })
      .then(function (again) { if (again) { next = setTimeout(poll, 2000); } });
  }
  next = setTimeout(poll, 1000);
})();
