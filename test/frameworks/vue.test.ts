import {expectFrameworkAppWorks} from './framework-app-driver.js';

describe('a Vue 3.5 app', () => {
  it('renders a thread and form by attributes, sets an adapter by property and hears events', async () => {
    await expectFrameworkAppWorks('/framework-apps/vue.js');
  });
});
