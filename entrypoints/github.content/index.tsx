export default defineContentScript({
  matches: ['https://github.com/*'],
  main() {
    document.body.dataset.refineryProbe = 'github';
  },
});
