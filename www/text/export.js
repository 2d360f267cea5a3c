// @ts-check
// The Deployment panel's "Take it further" (www/panels/further.js): exporting the model to ONNX,
// PyTorch and Keras.

/** @type {import('./util.js').Catalog} */
export const EXPORT = {
  'further.title': { en: 'Take it further', zh: '更进一步' },
  'further.intro': {
    en: 'When the data outgrows this tab, hand the model to the engines that run at scale. Each download is the model with its fitted preprocessing, the same files as `kindling export`.',
    zh: '当数据超出这个标签页的能力时，把模型交给大规模运行的引擎。每个下载都包含模型及其拟合好的预处理，与 `kindling export` 生成的文件相同。',
  },
  'further.onnx': { en: 'Download ONNX', zh: '下载 ONNX' },
  'further.onnxWhen': {
    en: 'For serving: ONNX Runtime, phones, browsers and clouds run model.onnx as it is, scaling included.',
    zh: '用于部署推理：ONNX 运行时、手机、浏览器和云端可直接运行 `model.onnx`（已包含缩放）。',
  },
  'further.onnxWhen2': {
    en: 'Choose it when the model is done and only has to predict. The one-hot vocabularies and the fills for missing values are in preprocessing.json, for the code that calls it.',
    zh: '模型已训练好、只需预测时选它。独热编码的词表和缺失值的填充值在 preprocessing.json 中，供调用它的代码使用。',
  },
  'further.pytorch': { en: 'Download PyTorch script + weights', zh: '下载 PyTorch 脚本和权重' },
  'further.pytorchWhen': {
    en: 'To train on, on GPUs or a cluster: train_pytorch.py loads these weights and runs unchanged under torchrun with DistributedDataParallel.',
    zh: '用于在 GPU 或集群上继续训练：`train_pytorch.py` 会加载这些权重，并可不加修改地用 `torchrun` 以 `DistributedDataParallel` 分布式运行。',
  },
  'further.pytorchWhen2': {
    en: 'Choose it when your team works in PyTorch or needs many machines.',
    zh: '团队使用 PyTorch 或需要多台机器时选择它。',
  },
  'further.keras': { en: 'Download Keras script + weights', zh: '下载 Keras 脚本和权重' },
  'further.kerasWhen': {
    en: 'To train on with the same names as here: train_keras.py builds the same Keras layers, loss and optimizer (JAX, TensorFlow or PyTorch backend).',
    zh: '用于以与这里相同的名称继续训练：`train_keras.py` 构建相同的 Keras 层、损失函数和优化器（JAX、TensorFlow 或 PyTorch 后端）。',
  },
  'further.kerasWhen2': {
    en: 'Choose it to stay with Keras; its distribution API spreads batches over devices.',
    zh: '想继续使用 Keras 时选择它；其分布式接口可把批次分配到多个设备上。',
  },
  'further.working': { en: 'Preparing {to}…', zh: '正在准备 {to}…' },
  'further.done': { en: 'Downloaded {files}.', zh: '已下载：`{files}`。' },
  'further.needModel': { en: 'Train or open a model first.', zh: '请先训练或打开一个模型。' },
};
