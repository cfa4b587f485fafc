import 'element-plus/dist/index.css';
import './styles/theme.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';
import { useLocaleStore } from './stores/locale';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(createAppI18n(useLocaleStore(pinia).locale));
app.use(createAppRouter(pinia));
app.mount('#app');
