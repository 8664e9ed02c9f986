/*
 * The article's training loop (part 4 of "neural networks from scratch"), in C,
 * for the benchmark in bench/train.ts. The net is the article's structure
 * (layers of neurons, each with value, bias, a weights array and
 * activation_gradient) walked by generic loops; tanh from libm; forward, the
 * error %, backward, train, in the article's order.
 *
 * Two things differ from the article's Rust, both so that the C and the
 * JavaScript trainer run the same numbers: the samples come from Gradsheet's
 * random-access sampler (random.ts / data.ts, ported with uint32_t), and the
 * initial weights are read from stdin. The Rust also allocates three small
 * Vecs per iteration; this port uses arrays on the stack, which only makes it
 * faster.
 *
 * stdin: iterations report_every data_key learning_rate layer_count
 *        sizes[0..layer_count] then, per layer and neuron, the bias and weights.
 * stdout: one "report <iteration> <count> <error %>..." line per report,
 *         "seconds <s>" (the loop alone, CLOCK_MONOTONIC), then
 *         "param <x>" per bias and weight in the same order, at %.17g.
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct {
	double value;
	double bias;
	double *weights;
	size_t weight_count;
	double activation_gradient;
} Neuron;

typedef struct {
	Neuron *neurons;
	size_t neuron_count;
} Layer;

#define GOLDEN 0x6d2b79f5u

/* mulberry32's output for one state: random.ts's hash32. */
static uint32_t hash32(uint32_t state) {
	uint32_t t = (state ^ (state >> 15)) * (state | 1u);
	t = (t + (t ^ (t >> 7)) * (t | 61u)) ^ t;
	return t ^ (t >> 14);
}

/* Draw n of stream key, uniform in [0, 1) with 53 bits: random.ts's uniform. */
static double uniform(uint32_t key, uint64_t n) {
	uint32_t hi = hash32(key + (uint32_t)(2 * n + 1) * GOLDEN) >> 5;
	uint32_t lo = hash32(key + (uint32_t)(2 * n + 2) * GOLDEN) >> 6;
	return ((double)hi * 67108864.0 + (double)lo) / 9007199254740992.0;
}

static int read_double(double *x) { return scanf("%lf", x) == 1; }

int main(void) {
	double iterations_d, report_every_d, key_d, learning_rate, layer_count_d;
	if (!read_double(&iterations_d) || !read_double(&report_every_d) || !read_double(&key_d) ||
	    !read_double(&learning_rate) || !read_double(&layer_count_d)) {
		fprintf(stderr, "train: bad header on stdin\n");
		return 1;
	}
	uint64_t iterations = (uint64_t)iterations_d, report_every = (uint64_t)report_every_d;
	uint32_t key = (uint32_t)key_d;
	size_t layer_count = (size_t)layer_count_d;
	size_t *sizes = calloc(layer_count + 1, sizeof *sizes);
	for (size_t l = 0; l <= layer_count; l++) {
		double s;
		if (!read_double(&s)) return 1;
		sizes[l] = (size_t)s;
	}
	if (sizes[0] != 2 || sizes[layer_count] != 2) {
		fprintf(stderr, "train: the rectangle data needs 2 inputs and 2 outputs\n");
		return 1;
	}
	Layer *layers = calloc(layer_count, sizeof *layers);
	for (size_t l = 0; l < layer_count; l++) {
		layers[l].neuron_count = sizes[l + 1];
		layers[l].neurons = calloc(sizes[l + 1], sizeof(Neuron));
		for (size_t j = 0; j < sizes[l + 1]; j++) {
			Neuron *neuron = &layers[l].neurons[j];
			neuron->weight_count = sizes[l];
			neuron->weights = calloc(sizes[l], sizeof(double));
			if (!read_double(&neuron->bias)) return 1;
			for (size_t i = 0; i < sizes[l]; i++)
				if (!read_double(&neuron->weights[i])) return 1;
		}
	}
	size_t last = layer_count - 1;

	uint64_t counter = 0;
	double area_error_percent_sum = 0, circumference_error_percent_sum = 0;
	uint64_t next_report = 0;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (uint64_t iteration = 0; iteration < iterations; iteration++) {
		/* Inputs and targets: data.ts's rectangleSample(key, iteration). */
		double width = 0.1 + 0.9 * uniform(key, 2 * iteration);
		double height = 0.1 + 0.9 * uniform(key, 2 * iteration + 1);
		double inputs[2] = {width, height};
		double targets[2] = {width * height, (height * 2 + width * 2) * 0.25};

		/* Forward pass. */
		for (size_t l = 0; l < layer_count; l++) {
			Layer *layer = &layers[l];
			for (size_t j = 0; j < layer->neuron_count; j++) {
				Neuron *neuron = &layer->neurons[j];
				double total = neuron->bias;
				for (size_t i = 0; i < neuron->weight_count; i++)
					total += neuron->weights[i] * (l == 0 ? inputs[i] : layers[l - 1].neurons[i].value);
				neuron->value = tanh(total);
			}
		}

		/* The error %, averaged between reports. */
		Neuron *outputs = layers[last].neurons;
		area_error_percent_sum += fabs(targets[0] - outputs[0].value) / targets[0] * 100;
		circumference_error_percent_sum += fabs(targets[1] - outputs[1].value) / targets[1] * 100;
		counter++;
		if (iteration == next_report) {
			printf("report %llu %llu %.17g %.17g\n", (unsigned long long)iteration,
			       (unsigned long long)counter, area_error_percent_sum / (double)counter,
			       circumference_error_percent_sum / (double)counter);
			area_error_percent_sum = 0;
			circumference_error_percent_sum = 0;
			counter = 0;
			next_report += report_every;
		}

		/* Backward pass, last layer first. */
		for (size_t l = layer_count; l-- > 0;) {
			Layer *layer = &layers[l];
			for (size_t j = 0; j < layer->neuron_count; j++) {
				Neuron *neuron = &layer->neurons[j];
				double sum;
				if (l == last) {
					sum = neuron->value - targets[j];
				} else {
					Layer *next = &layers[l + 1];
					sum = 0;
					for (size_t k = 0; k < next->neuron_count; k++)
						sum += next->neurons[k].activation_gradient * next->neurons[k].weights[j];
				}
				neuron->activation_gradient = (1 - neuron->value * neuron->value) * sum;
			}
		}

		/* Training pass. */
		for (size_t l = 0; l < layer_count; l++) {
			Layer *layer = &layers[l];
			for (size_t j = 0; j < layer->neuron_count; j++) {
				Neuron *neuron = &layer->neurons[j];
				neuron->bias -= neuron->activation_gradient * learning_rate;
				for (size_t i = 0; i < neuron->weight_count; i++) {
					double input = l == 0 ? inputs[i] : layers[l - 1].neurons[i].value;
					double gradient = input * neuron->activation_gradient;
					neuron->weights[i] -= gradient * learning_rate;
				}
			}
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (counter > 0)
		printf("partial %llu %llu %.17g %.17g\n", (unsigned long long)(iterations - 1),
		       (unsigned long long)counter, area_error_percent_sum / (double)counter,
		       circumference_error_percent_sum / (double)counter);
	printf("seconds %.9f\n", (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9);
	for (size_t l = 0; l < layer_count; l++)
		for (size_t j = 0; j < layers[l].neuron_count; j++) {
			Neuron *neuron = &layers[l].neurons[j];
			printf("param %.17g\n", neuron->bias);
			for (size_t i = 0; i < neuron->weight_count; i++) printf("param %.17g\n", neuron->weights[i]);
		}
	return 0;
}
