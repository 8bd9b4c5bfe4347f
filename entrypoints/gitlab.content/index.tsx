export default defineContentScript({
  matches: ['https://gitlab.com/*'],
  main() {
    document.body.dataset.refineryProbe = 'gitlab';
  },
});
