// One widget in a frame: <iframe src="https://soundbox.example/widget/embed.html?size=small&template=neon&station=lofi">
(function () {
  'use strict';
  function start() {
    var q = new URLSearchParams(location.search);
    window.SoundboxRadio.mount(document.getElementById('radio'), {
      size: q.get('size') || 'medium', template: q.get('template') || 'default', station: q.get('station') || 'all',
      visualizer: q.get('visualizer') || 'bars', autoplay: q.get('autoplay') === 'true', server: ''
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
