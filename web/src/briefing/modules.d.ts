// cytoscape-svg ships no types; it is a Cytoscape extension registered with cytoscape.use().
declare module 'cytoscape-svg' {
  const register: (cytoscape: unknown) => void;
  export default register;
}
