// The web UI's one player: the radio widget's core (widget/soundbox-radio.js), shared by every tab.
import { session } from './api.js';

export const player = new window.SoundboxRadio.Player({ server: '', station: 'all', source: 'radio',
  token: () => session().then((s) => s.token), volumeKey: 'soundbox.volume' });
