import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
export default ['a','b','c'].map(n=>({ input: `h1tmp/${n}.js`, output: { file: `/tmp/h1lit/out-${n}.js`, format: 'es' }, plugins: [nodeResolve({ exportConditions: ['production'] }), terser({ ecma: 2022, module: true, compress: { passes: 3, unsafe_arrows: true, unsafe: true, unsafe_methods: true, pure_getters: true, toplevel: true }, mangle: { toplevel: true, properties: { regex: /^__/ } }, format: { comments: false } })] }));
