import {expectFrameworkAppWorks} from './framework-app-driver.js';

describe('a React 19 app', () => {
  it('renders a thread and form by attributes, sets an adapter by property and hears events', async () => {
    await expectFrameworkAppWorks('/framework-apps/react.js');
  });
});
