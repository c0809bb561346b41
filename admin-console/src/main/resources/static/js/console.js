// The console's few scripts: following a lapsed session to the login page, and the
// release charts. Everything else is plain HTML forms and htmx attributes.
(function () {
  'use strict';

  var REFRESH_MILLIS = 5000;
  var CANARY = '#d9480f';
  var STABLE = '#1c7ed6';
  var LIMIT = '#9aa5b1';

  function toLogin() {
    window.location.assign('/login');
  }

  // A fragment refreshed after the session lapsed answers with the login page, after the
  // redirect: show it as the page, not inside the fragment.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.responseURL && new URL(xhr.responseURL).pathname === '/login') {
      event.detail.shouldSwap = false;
      toLogin();
    }
  });

  function time(instant) {
    return new Date(instant).toISOString().substring(11, 19);
  }

  function series(kind, evaluations) {
    var percent = kind === 'errorRate';
    function value(figures) {
      return percent ? figures.errorRate * 100 : figures.p99Ms;
    }
    function limit(evaluation) {
      return percent ? evaluation.thresholds.maxErrorRate * 100 : evaluation.thresholds.maxP99Ms;
    }
    function line(label, color, values, dashed) {
      return {
        label: label,
        data: values,
        borderColor: color,
        backgroundColor: color,
        borderDash: dashed ? [6, 4] : [],
        pointRadius: dashed ? 0 : 3,
        spanGaps: true,
        tension: 0.2
      };
    }
    return {
      labels: evaluations.map(function (evaluation) { return time(evaluation.at); }),
      datasets: [
        line('canary', CANARY, evaluations.map(function (evaluation) {
          return evaluation.canary.requests > 0 ? value(evaluation.canary) : null;
        })),
        line('stable', STABLE, evaluations.map(function (evaluation) {
          return evaluation.stable.requests > 0 ? value(evaluation.stable) : null;
        })),
        line('canary limit', LIMIT, evaluations.map(limit), true)
      ]
    };
  }

  function load(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (response.redirected || response.status === 401) {
          toLogin();
          throw new Error('logged out');
        }
        if (!response.ok) {
          throw new Error('evaluations answered ' + response.status);
        }
        // Newest first in the API; oldest first on a time axis.
        return response.json().then(function (evaluations) { return evaluations.reverse(); });
      });
  }

  function chart(canvas) {
    var kind = canvas.getAttribute('data-chart');
    var drawn = null;
    function draw() {
      return load(canvas.getAttribute('data-evaluations')).then(function (evaluations) {
        var data = series(kind, evaluations);
        if (drawn) {
          drawn.data = data;
          drawn.update('none');
          return;
        }
        drawn = new window.Chart(canvas, {
          type: 'line',
          data: data,
          options: {
            animation: false,
            maintainAspectRatio: false,
            interaction: { mode: 'index', intersect: false },
            scales: { y: { beginAtZero: true } },
            plugins: { legend: { position: 'bottom' } }
          }
        });
      });
    }
    return draw;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var canvases = document.querySelectorAll('canvas[data-evaluations]');
    if (canvases.length === 0 || !window.Chart) {
      return;
    }
    var draws = Array.prototype.map.call(canvases, chart);
    function drawAll() {
      draws.forEach(function (draw) {
        draw().catch(function (failure) { console.warn('release chart:', failure.message); });
      });
    }
    drawAll();
    // The live part of the page polls while the release is active; the charts follow it.
    var timer = window.setInterval(function () {
      if (!document.querySelector('#live[hx-trigger]')) {
        window.clearInterval(timer);
      }
      drawAll();
    }, REFRESH_MILLIS);
  });
}());
